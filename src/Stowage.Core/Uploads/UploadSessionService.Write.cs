using Stowage.Core.Accounts;
using Stowage.Core.Errors;

namespace Stowage.Core.Uploads;

public sealed partial class UploadSessionService
{
    /// <summary>
    /// PUT /uploads/{id}/{filename}: a whole file (no range) or one chunk. Seed 004, "Chunking &amp;
    /// resume rules": a chunk must start at or before <c>received</c> (409 non_contiguous_chunk
    /// otherwise); bytes it carries below <c>received</c> are the ones already held and are dropped
    /// (docs/protocols/sessions.md, "Uploading"); a complete file is returned unchanged; one writer per
    /// file. <c>received</c> moves only after the bytes are committed (fsynced when durable).
    /// </summary>
    public async Task<Result<FileProgress>> WriteAsync(Principal caller, string uploadId, string rawName, UploadBody body, CancellationToken requestAborted)
    {
        var checkedRequest = await CheckWriteAsync(caller, uploadId, rawName, body, requestAborted).ConfigureAwait(false);
        if (!checkedRequest.IsSuccess)
        {
            return checkedRequest.Failure;
        }

        var (name, range, session) = checkedRequest.Value;
        var reserved = await FindOrReserveAsync(caller, uploadId, name, range.Total, requestAborted).ConfigureAwait(false);
        if (!reserved.IsSuccess)
        {
            return reserved.Failure;
        }

        var file = reserved.Value;
        if (file.Total != range.Total)
        {
            return ToProgress(file, ignored: true); // seed 004: a second file of the same name "is ignored"
        }

        if (file.Complete)
        {
            return ToProgress(file); // seed 004: re-PUT of a complete file returns complete: true unchanged
        }

        await using var fileLock = await AcquireFileLockAsync(uploadId, name, requestAborted).ConfigureAwait(false);
        if (fileLock is null)
        {
            return InProgress(file.Received);
        }

        // Re-read under the lock: the writer we waited for has moved the mark.
        file = await store.GetFileAsync(uploadId, name, CancellationToken.None).ConfigureAwait(false);
        if (file is null)
        {
            return StowageErrors.UploadSessionNotFound; // deleted or expired while we waited
        }

        if (file.Complete)
        {
            return ToProgress(file);
        }

        if (range.Start > file.Received)
        {
            return Failure.With(StowageErrors.NonContiguousChunk, "received", file.Received);
        }

        return await CopyAndAdvanceAsync(session, file, range, body, requestAborted).ConfigureAwait(false);
    }

    /// <summary>One writer per file: waits <see cref="UploadOptions.LockWaitMilliseconds"/>, then null.</summary>
    private ValueTask<IAsyncDisposable?> AcquireFileLockAsync(string uploadId, string name, CancellationToken cancellationToken) =>
        locks.TryAcquireAsync($"upload/{uploadId}/{name}", TimeSpan.FromMilliseconds(_options.LockWaitMilliseconds), cancellationToken);

    private static Failure InProgress(long received) =>
        new(StowageErrors.UploadInProgress, new Dictionary<string, object?> { ["received"] = received }, TimeSpan.FromSeconds(1));

    /// <summary>Everything that can be refused before touching the session's files, cheapest first.</summary>
    private async Task<Result<(string Name, ChunkRange Range, UploadSessionRecord Session)>> CheckWriteAsync(Principal caller, string uploadId, string rawName, UploadBody body, CancellationToken cancellationToken)
    {
        if (AccountPolicy.RequireScope(caller, Scopes.ProjectsWrite) is { } denied)
        {
            return denied;
        }

        if (!UploadIds.IsWellFormed(uploadId))
        {
            return StowageErrors.InvalidUploadId;
        }

        var name = FilenamePolicy.Flatten(rawName);
        if (!name.IsSuccess)
        {
            return name.Failure;
        }

        var extension = FilenamePolicy.ExtensionOf(name.Value);
        if (!_policy.IsExtensionAllowed(extension))
        {
            return new Failure(StowageErrors.ExtensionNotAllowed, new Dictionary<string, object?>
            {
                ["extension"] = extension,
                ["allowed"] = _policy.AllowedExtensions,
            });
        }

        var range = ResolveRange(body);
        if (!range.IsSuccess)
        {
            return range.Failure;
        }

        var maxFile = _policy.MaxFileOf(caller.Account);
        if (range.Value.Total > maxFile)
        {
            return Failure.With(StowageErrors.FileTooLarge, "limit", maxFile);
        }

        var session = await LoadSessionAsync(caller, uploadId, cancellationToken).ConfigureAwait(false);
        if (!session.IsSuccess)
        {
            return session.Failure;
        }

        if (AccountPolicy.RequireUpload(caller) is { } mayNot)
        {
            return mayNot;
        }

        return (name.Value, range.Value, session.Value);
    }

    /// <summary>
    /// Whole file: the body is the file, so Content-Length is required (411). Chunk: the body must be
    /// exactly end - start + 1 bytes (400 chunk_length_mismatch); chunked transfer encoding is checked
    /// while reading instead.
    /// </summary>
    private static Result<ChunkRange> ResolveRange(UploadBody body)
    {
        if (body.Range is not { } range)
        {
            return body.ContentLength switch
            {
                null => StowageErrors.LengthRequired,
                0 => new ChunkRange(0, -1, 0),
                long length => new ChunkRange(0, length - 1, length),
            };
        }

        if (range.Start < 0 || range.End < range.Start || range.Total <= range.End)
        {
            return StowageErrors.InvalidContentRange;
        }

        if (body.ContentLength is { } declared && declared != range.Length)
        {
            return StowageErrors.ChunkLengthMismatch;
        }

        return range;
    }
}
