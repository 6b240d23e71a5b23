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
    /// session still exists unconsumed, that the session's totals plus <paramref name="candidate"/>'s
    /// stay within <see cref="ReservationLimits.MaxSessionBytes"/>, and that the account's usage
    /// (see <see cref="GetAccountUsageAsync"/>) plus the candidate's total stays within
    /// <see cref="ReservationLimits.QuotaBytes"/>; then inserts the candidate.
    /// </summary>
    Task<FileReservation> ReserveFileAsync(UploadFileRecord candidate, string accountId, ReservationLimits limits, CancellationToken cancellationToken);

    /// <summary>
    /// Raises the file's received count to <paramref name="received"/> (never lowers it), stamps
    /// <paramref name="now"/> as its update time and moves the session's expiry to
    /// <paramref name="sessionExpiresAt"/>. Returns false when the file or its unconsumed session is gone.
    /// </summary>
    Task<bool> AdvanceReceivedAsync(string sessionId, string name, long received, DateTimeOffset now, DateTimeOffset sessionExpiresAt, CancellationToken cancellationToken);

    /// <summary>Deletes the session and its file records; returns false when there was none.</summary>
    Task<bool> DeleteSessionAsync(string id, CancellationToken cancellationToken);

    /// <summary>Sessions whose expiry is at or before <paramref name="now"/>, consumed or not, oldest first.</summary>
    Task<IReadOnlyList<UploadSessionRecord>> ListExpiredSessionsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Bytes the account holds or has reserved: the totals of the files of its unconsumed sessions plus
    /// the sizes of its projects.
    /// </summary>
    Task<long> GetAccountUsageAsync(string accountId, CancellationToken cancellationToken);
}
