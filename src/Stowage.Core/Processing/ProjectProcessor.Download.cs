using Stowage.Core.Projects;
using Stowage.Core.Storage;
using Stowage.Core.Uploads;

namespace Stowage.Core.Processing;

public sealed partial class ProjectProcessor
{
    /// <summary>
    /// Fetches a project's download_link into the project, streamed, capped at the account's file
    /// limit, hashed on the way. Done once: a retry after a finished download skips it.
    /// </summary>
    private async Task DownloadAsync(ProjectRecord project, CancellationToken cancellationToken)
    {
        if ((await UploadedFilesAsync(project.Name, cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            return;
        }

        var account = await accounts.GetAccountAsync(project.AccountId, cancellationToken).ConfigureAwait(false);
        var maxFile = _policy.MaxFileOf(account);
        RemoteFile remote;
        try
        {
            remote = await fetcher.OpenAsync(new Uri(project.DownloadLink!), cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteFetchException ex)
        {
            throw new ProcessingException(ex.Code, ex.Message);
        }

        await using (remote)
        {
            var name = FileNameFor(remote);
            if (remote.Length > maxFile)
            {
                throw new ProcessingException("file_too_large", $"The linked file has {remote.Length} bytes; the limit is {maxFile}.", name);
            }

            var target = new ObjectRef(uploadOptions.Value.Bucket, ObjectKeys.ProjectFile(project.Name, name));
            await using var stream = new HashingLimitStream(remote.Content, maxFile, "file_too_large", $"The linked file is larger than the limit of {maxFile} bytes.", name);
            await blobs.PutAsync(target, stream, _durable, cancellationToken).ConfigureAwait(false);
            await CheckQuotaAsync(project, account, stream.BytesRead, target, name, cancellationToken).ConfigureAwait(false);
            await RecordAsync(new ProjectFileRecord(project.Name, name, ProjectFileKind.Uploaded, stream.BytesRead, stream.HashHex(), target, null), target, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The linked file's name, flattened like an uploaded one; its extension must be allowed too.</summary>
    private string FileNameFor(RemoteFile remote)
    {
        var flat = FilenamePolicy.Flatten(remote.FileName ?? string.Empty);
        var name = flat.IsSuccess ? flat.Value : "download";
        var extension = FilenamePolicy.ExtensionOf(name);
        if (!_policy.IsExtensionAllowed(extension))
        {
            throw new ProcessingException("extension_not_allowed", $"Files with the extension '{extension}' are not accepted.", name);
        }

        return name;
    }

    private async Task CheckQuotaAsync(ProjectRecord project, Accounts.Account? account, long size, ObjectRef stored, string name, CancellationToken cancellationToken)
    {
        var quota = _policy.QuotaOf(account);
        if (quota is { } q && await uploads.GetAccountUsageAsync(project.AccountId, cancellationToken).ConfigureAwait(false) + size > q)
        {
            await blobs.DeleteAsync(stored, CancellationToken.None).ConfigureAwait(false);
            throw new ProcessingException("storage_quota_exceeded", $"The linked file ({size} bytes) would exceed the account's quota of {q} bytes.", name);
        }
    }
}
