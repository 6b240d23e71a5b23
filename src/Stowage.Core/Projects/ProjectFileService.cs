using Microsoft.Extensions.Logging;
using Stowage.Core.Accounts;
using Stowage.Core.Errors;
using Stowage.Core.Storage;

namespace Stowage.Core.Projects;

/// <summary>
/// An account gets its projects' bytes back and gets rid of them (Stowage extensions of the Sessions API,
/// docs/protocols/sessions.md, "Project files" and "Deleting a project"): GET/HEAD /projects/{name}/files/{path}
/// and DELETE /projects/{name}. A project file's record names the blob that holds it (the session's file it was
/// made from, or an unpacked entry), so reading and deleting go through the records, never through paths.
/// </summary>
public sealed class ProjectFileService(IProjectStore projects, IBlobStore blobs, ILogger<ProjectFileService> logger)
{
    /// <summary>The file's record and bytes: ProjectNotFound for a project the caller cannot see, ProjectFileNotFound for a path it lacks.</summary>
    public async Task<Result<ProjectFileContent>> OpenAsync(Principal caller, string name, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (AccountPolicy.RequireScope(caller, Scopes.ProjectsRead) is { } denied)
        {
            return denied;
        }

        var found = await FindAsync(caller.AccountId, name, path, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Failure;
        }

        var (project, file) = found.Value;
        var content = await blobs.OpenReadAsync(file.Object, 0, cancellationToken).ConfigureAwait(false);
        return content is null ? StowageErrors.ProjectFileNotFound : new ProjectFileContent(project, file, content);
    }

    /// <summary>
    /// The account's file at <paramref name="path"/> of its project <paramref name="name"/>, whichever door asks (the
    /// Sessions API above, the S3 endpoint's projects bucket): ProjectNotFound for a project the account does not see
    /// (<see cref="ProjectVisibility"/>), ProjectFileNotFound for a path the project lacks. One file is read, not the
    /// project's whole list: a path is the first of the paths it is a prefix of.
    /// </summary>
    public async Task<Result<ProjectFileEntry>> FindAsync(string accountId, string name, string path, CancellationToken cancellationToken)
    {
        var project = await projects.GetProjectAsync(name, cancellationToken).ConfigureAwait(false);
        if (!ProjectVisibility.IsVisibleTo(project, accountId))
        {
            return StowageErrors.ProjectNotFound;
        }

        var first = await projects.ListProjectFilesAsync(name, path, afterPath: null, limit: 1, cancellationToken).ConfigureAwait(false);
        return first is [var file] && string.Equals(file.Path, path, StringComparison.Ordinal)
            ? new ProjectFileEntry(project, file)
            : StowageErrors.ProjectFileNotFound;
    }

    /// <summary>
    /// DELETE /projects/{name}: the project, its files and so its usage go. Idempotent: an unknown, already
    /// deleted or another account's project answers the same success, so names do not leak. In the order
    /// sessions use (docs/protocols/sessions.md): the project is marked deleting (gone for every request from
    /// then on, and no running job can bring it back), then its bytes are deleted, then its rows. Should that
    /// stop half-way, the rows still list what is left, and a repeated DELETE finishes it.
    /// </summary>
    public async Task<Result<bool>> DeleteAsync(Principal caller, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (AccountPolicy.RequireScope(caller, Scopes.ProjectsWrite) is { } denied)
        {
            return denied;
        }

        var project = await projects.GetProjectAsync(name, cancellationToken).ConfigureAwait(false);
        if (project is null || project.AccountId != caller.AccountId)
        {
            return true;
        }

        await RemoveAsync(project, CancellationToken.None).ConfigureAwait(false);
        return true;
    }

    /// <summary>Removes a project of any account (the operator's CLI): marked, bytes, rows.</summary>
    public async Task RemoveAsync(ProjectRecord project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (project.State != ProjectState.Deleting)
        {
            await projects.UpdateProjectAsync(project with { State = ProjectState.Deleting }, cancellationToken).ConfigureAwait(false);
        }

        var files = await projects.ListProjectFilesAsync(project.Name, cancellationToken).ConfigureAwait(false);
        foreach (var file in files)
        {
            await blobs.DeleteAsync(file.Object, cancellationToken).ConfigureAwait(false);
        }

        await projects.DeleteProjectAsync(project.Name, cancellationToken).ConfigureAwait(false);
        Log.ProjectDeleted(logger, project.Name, files.Count);
    }
}
