using Stowage.Core.Accounts;
using Stowage.Core.Errors;
using Stowage.Core.Storage;

namespace Stowage.Core.Uploads;

public sealed partial class UploadSessionService
{
    /// <summary>The file of that name, or a new record of it within the session's and the account's limits.</summary>
    private async Task<Result<UploadFileRecord>> FindOrReserveAsync(Principal caller, string uploadId, string name, long total, CancellationToken cancellationToken)
    {
        var existing = await store.GetFileAsync(uploadId, name, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing;
        }

        var now = time.GetUtcNow();
        var candidate = new UploadFileRecord(uploadId, name, total, 0, new ObjectRef(_options.Bucket, ObjectKeys.SessionFile(uploadId, name)), now, now);
        return total == 0
            ? await ReserveEmptyAsync(caller, candidate, cancellationToken).ConfigureAwait(false)
            : await ReserveAsync(caller, candidate, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// An empty file is complete the moment its record exists, so its (empty) object must be durable first:
    /// metadata never leads the bytes. It has no segments: the object is put whole. That happens under the file's
    /// lock and after looking again, because a PUT of the same name with bytes may have reserved it meanwhile and
    /// be composing into that very blob: an empty object must never land on those bytes.
    /// </summary>
    private async Task<Result<UploadFileRecord>> ReserveEmptyAsync(Principal caller, UploadFileRecord candidate, CancellationToken cancellationToken)
    {
        await using var fileLock = await AcquireFileLockAsync(candidate.SessionId, candidate.Name, cancellationToken).ConfigureAwait(false);
        if (fileLock is null)
        {
            return InProgress(0);
        }

        if (await store.GetFileAsync(candidate.SessionId, candidate.Name, CancellationToken.None).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        await blobs.PutAsync(candidate.Object, Stream.Null, _durable, CancellationToken.None).ConfigureAwait(false);
        var reserved = await ReserveAsync(caller, candidate, CancellationToken.None).ConfigureAwait(false);
        if (!reserved.IsSuccess && reserved.Failure.Error == StowageErrors.UploadSessionNotFound)
        {
            // No record of this name exists and none can be made any more: the empty object is ours alone.
            await blobs.DeleteAsync(candidate.Object, CancellationToken.None).ConfigureAwait(false);
        }

        return reserved;
    }

    private async Task<Result<UploadFileRecord>> ReserveAsync(Principal caller, UploadFileRecord candidate, CancellationToken cancellationToken)
    {
        var maxSession = _policy.MaxSessionOf(caller.Account);
        var quota = _policy.QuotaOf(caller.Account);
        var reservation = await store.ReserveFileAsync(candidate, caller.AccountId, new ReservationLimits(maxSession, quota), cancellationToken).ConfigureAwait(false);
        return reservation.Outcome switch
        {
            ReservationOutcome.Created or ReservationOutcome.Existing => reservation.File!,
            ReservationOutcome.SessionTooLarge => Failure.With(StowageErrors.SessionTooLarge, "limit", maxSession),
            ReservationOutcome.QuotaExceeded => Failure.With(StowageErrors.StorageQuotaExceeded, "limit", quota),
            _ => StowageErrors.UploadSessionNotFound,
        };
    }
}
