using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Stowage.Core.Errors;
using Stowage.Core.Projects;
using Stowage.Server.Protocols.Sessions.Wire;

namespace Stowage.Server.Protocols.Sessions.Operations;

/// <summary>
/// POST /projects (seed 004): JSON with upload_id xor download_link, optional title, privacy_mode,
/// coordinate_system. Other processing fields the vendor documents are accepted and ignored.
/// </summary>
internal sealed class CreateProject(SessionsGate gate, ProjectService projects)
{
    /// <summary>A creation request is a few hundred bytes; 64 KiB leaves room for every optional field.</summary>
    private const long MaxBodyBytes = 64 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        if (await gate.EnterAsync(context, SessionsEndpoint.CreateProject).ConfigureAwait(false) is not { } caller)
        {
            return;
        }

        var request = await ReadAsync(context).ConfigureAwait(false);
        if (!request.IsSuccess)
        {
            await SessionsResponses.WriteErrorAsync(context, request.Failure).ConfigureAwait(false);
            return;
        }

        var created = await projects.CreateAsync(caller, request.Value, context.RequestAborted).ConfigureAwait(false);
        if (!created.IsSuccess)
        {
            await SessionsResponses.WriteErrorAsync(context, created.Failure).ConfigureAwait(false);
            return;
        }

        await SessionsResponses.WriteAsync(context, StatusCodes.Status201Created,
            new ProjectCreatedWire(created.Value.Name, created.Value.Status, created.Value.Message),
            SessionsJsonContext.Default.ProjectCreatedWire).ConfigureAwait(false);
    }

    private static async Task<Result<CreateProjectRequest>> ReadAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or BadHttpRequestException)
        {
            return StowageErrors.InvalidJson;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return StowageErrors.InvalidJson;
            }

            if (!TryString(root, "upload_id", out var uploadId) || !TryString(root, "download_link", out var link)
                || !TryString(root, "title", out var title) || !TryString(root, "coordinate_system", out var crs))
            {
                return Failure.With(StowageErrors.InvalidField, "field", FirstBadString(root));
            }

            int? privacy = null;
            if (root.TryGetProperty("privacy_mode", out var mode) && mode.ValueKind != JsonValueKind.Null)
            {
                if (mode.ValueKind != JsonValueKind.Number || !mode.TryGetInt32(out var value))
                {
                    return Failure.With(StowageErrors.InvalidField, "field", "privacy_mode");
                }

                privacy = value;
            }

            return new CreateProjectRequest(uploadId, link, title, privacy, crs);
        }
    }

    private static readonly string[] StringFields = ["upload_id", "download_link", "title", "coordinate_system"];

    /// <summary>A string field may be absent or null; anything but a string is refused.</summary>
    private static bool TryString(JsonElement root, string name, out string? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = element.GetString();
        return true;
    }

    private static string FirstBadString(JsonElement root) =>
        StringFields.First(f => root.TryGetProperty(f, out var e) && e.ValueKind is not (JsonValueKind.String or JsonValueKind.Null));
}
