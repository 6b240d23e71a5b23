using System.Globalization;
using Stowage.Core.Projects;
using Stowage.Server.Protocols.Sessions.Wire;

namespace Stowage.Server.Protocols.Sessions.Operations;

/// <summary>
/// GET /projects/{name} (seed 004): "While below 100 only {name, status} is returned; at 100 the full
/// record is returned." A failed project (status -1) adds its errors.
/// </summary>
internal sealed class GetProject(SessionsGate gate, ProjectService projects)
{
    public async Task HandleAsync(HttpContext context, string name)
    {
        if (await gate.EnterAsync(context, SessionsEndpoint.GetProject).ConfigureAwait(false) is not { } caller)
        {
            return;
        }

        var result = await projects.GetAsync(caller, name, context.RequestAborted).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            await SessionsResponses.WriteErrorAsync(context, result.Failure).ConfigureAwait(false);
            return;
        }

        var (project, files) = (result.Value.Project, result.Value.Files);
        if (project.State != ProjectState.Ready)
        {
            var errors = project.State == ProjectState.Failed ? Errors(project) : null;
            await SessionsResponses.WriteAsync(context, StatusCodes.Status200OK, new ProjectBriefWire(project.Name, project.Status, errors),
                SessionsJsonContext.Default.ProjectBriefWire).ConfigureAwait(false);
            return;
        }

        var full = new ProjectFullWire(
            project.Name, project.Title, project.Status, project.SizeBytes, project.Created.UtcDateTime, project.Updated.UtcDateTime,
            project.PrivacyMode, project.CoordinateSystem, Epsg(project.CoordinateSystem),
            files.Select(f => new ProjectFileWire(f.Path, f.Size, f.Sha256, f.FromArchive, FileUrl(project.Name, f.Path))).ToList(),
            Errors(project));
        await SessionsResponses.WriteAsync(context, StatusCodes.Status200OK, full, SessionsJsonContext.Default.ProjectFullWire).ConfigureAwait(false);
    }

    /// <summary>The file's own address under the API's base, each path segment escaped.</summary>
    private static string FileUrl(string project, string path) =>
        $"/api/v1/projects/{Uri.EscapeDataString(project)}/files/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}";

    private static List<ProjectErrorWire> Errors(ProjectRecord project) =>
        project.Errors.Select(e => new ProjectErrorWire(e.Code, e.Message, e.File)).ToList();

    /// <summary>reference/vendor-apis.md: the full record carries <c>epsg</c>; derived from "EPSG:25832"-style systems.</summary>
    private static int? Epsg(string? coordinateSystem) =>
        coordinateSystem is not null
        && coordinateSystem.StartsWith("EPSG:", StringComparison.OrdinalIgnoreCase)
        && int.TryParse(coordinateSystem.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? code
            : null;
}
