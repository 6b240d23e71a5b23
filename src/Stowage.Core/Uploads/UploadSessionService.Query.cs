using Stowage.Core.Accounts;
using Stowage.Core.Errors;

namespace Stowage.Core.Uploads;

public sealed partial class UploadSessionService
{
    /// <summary>
    /// GET /uploads/{id}/{filename}. Either scope may read: resuming is part of uploading, so a
    /// write-only key must be able to ask how much the server holds.
    /// </summary>
    public async Task<Result<FileProgress>> GetFileAsync(Principal caller, string uploadId, string rawName, CancellationToken cancellationToken)
    {
        if (AccountPolicy.RequireScope(caller, Scopes.ProjectsRead, Scopes.ProjectsWrite) is { } denied)
        {
            return denied;
        }

        var session = await LoadSessionAsync(caller, uploadId, cancellationToken).ConfigureAwait(false);
        if (!session.IsSuccess)
        {
            return session.Failure;
        }

        var name = FilenamePolicy.Flatten(rawName);
        if (!name.IsSuccess)
        {
            return name.Failure;
        }

        var file = await store.GetFileAsync(uploadId, name.Value, cancellationToken).ConfigureAwait(false);
        return file is null ? StowageErrors.FileNotFound : ToProgress(file);
    }

    /// <summary>GET /uploads/{id}: every file and its progress.</summary>
    public async Task<Result<SessionView>> GetSessionAsync(Principal caller, string uploadId, CancellationToken cancellationToken)
    {
        if (AccountPolicy.RequireScope(caller, Scopes.ProjectsRead, Scopes.ProjectsWrite) is { } denied)
        {
            return denied;
        }

        var session = await LoadSessionAsync(caller, uploadId, cancellationToken).ConfigureAwait(false);
        if (!session.IsSuccess)
        {
            return session.Failure;
        }

        var files = await store.ListFilesAsync(uploadId, cancellationToken).ConfigureAwait(false);
        return new SessionView(uploadId, RemainingSeconds(session.Value), files.Select(f => ToProgress(f)).ToList());
    }
}
