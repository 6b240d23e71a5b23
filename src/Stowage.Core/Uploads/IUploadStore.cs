namespace Stowage.Core.Uploads;

/// <summary>Upload sessions and their files in the metadata store.</summary>
public interface IUploadStore
{
    Task CreateSessionAsync(UploadSessionRecord session, CancellationToken cancellationToken);

    Task<UploadSessionRecord?> GetSessionAsync(string id, CancellationToken cancellationToken);

    /// <summary>The session's files in the order they were first PUT.</summary>
    Task<IReadOnlyList<UploadFileRecord>> ListFilesAsync(string sessionId, CancellationToken cancellationToken);

    Task<UploadFileRecord?> GetFileAsync(string sessionId, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically: returns the existing file of that name if there is one; otherwise checks that the
    /// session still exists unconsumed and unexpired at the candidate's creation time, that the
    /// session's totals plus <paramref name="candidate"/>'s stay within
    /// <see cref="ReservationLimits.MaxSessionBytes"/>, and that the account's usage
    /// (see <see cref="GetAccountUsageAsync"/>) plus the candidate's total stays within
    /// <see cref="ReservationLimits.QuotaBytes"/>; then inserts the candidate.
    /// </summary>
    Task<FileReservation> ReserveFileAsync(UploadFileRecord candidate, string accountId, ReservationLimits limits, CancellationToken cancellationToken);

    /// <summary>
    /// Raises the file's received count to <paramref name="received"/> (never lowers it), stamps
    /// <paramref name="now"/> as its update time and moves the session's expiry to
    /// <paramref name="sessionExpiresAt"/>. Returns false, and changes nothing, when the file or its
    /// unconsumed session is gone or the session expired at or before <paramref name="now"/>.
    /// </summary>
    Task<bool> AdvanceReceivedAsync(string sessionId, string name, long received, DateTimeOffset now, DateTimeOffset sessionExpiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Moves an unconsumed session's expiry back to <paramref name="at"/> (never forward). From then on the
    /// session is expired for every other call: no file can be reserved in it, no byte counted, no project
    /// made from it, and <see cref="ListExpiredSessionsAsync"/> lists it until its rows are deleted. Returns
    /// false when there is no unconsumed session of that id.
    /// </summary>
    Task<bool> ExpireSessionAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Deletes the session and its file records; returns false when there was none.</summary>
    Task<bool> DeleteSessionAsync(string id, CancellationToken cancellationToken);

    /// <summary>Sessions whose expiry is at or before <paramref name="now"/>, consumed or not, oldest first.</summary>
    Task<IReadOnlyList<UploadSessionRecord>> ListExpiredSessionsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Bytes the account holds or has reserved: the totals of the files of its unconsumed sessions, the sizes
    /// of its projects, of the objects in its S3 buckets and of the parts of the open multipart uploads in them.
    /// </summary>
    Task<long> GetAccountUsageAsync(string accountId, CancellationToken cancellationToken);
}
