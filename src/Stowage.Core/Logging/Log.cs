using Microsoft.Extensions.Logging;

namespace Stowage.Core;

/// <summary>The core's log messages. Event ids are stable: 1xxx uploads, 2xxx projects, 3xxx jobs, 4xxx sweeping, 7xxx storage capacity.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Debug, "Client stopped sending {Session}/{File} after {Written} bytes; received is {Received}.")]
    public static partial void ClientStoppedSending(ILogger logger, string session, string file, long written, long received);

    [LoggerMessage(1002, LogLevel.Warning, "Upload session {Session} is deleted, but removing its bytes failed; the sweeper retries.")]
    public static partial void SessionRemovalDeferred(ILogger logger, string session, Exception exception);

    [LoggerMessage(2001, LogLevel.Information, "Project {Project} created from {Source}.")]
    public static partial void ProjectCreated(ILogger logger, string project, string source);

    [LoggerMessage(2002, LogLevel.Information, "Project {Project} is ready: {Files} files, {Bytes} bytes.")]
    public static partial void ProjectReady(ILogger logger, string project, int files, long bytes);

    [LoggerMessage(2003, LogLevel.Warning, "Project {Project} failed: {Error}")]
    public static partial void ProjectFailed(ILogger logger, string project, string error);

    [LoggerMessage(2004, LogLevel.Information, "Project {Project} deleted with its {Files} files.")]
    public static partial void ProjectDeleted(ILogger logger, string project, int files);

    [LoggerMessage(2005, LogLevel.Information, "Project {Project} was deleted while it was being processed; its job stopped.")]
    public static partial void ProjectDeletedWhileProcessing(ILogger logger, string project);

    [LoggerMessage(3001, LogLevel.Warning, "Job {Job} ({Kind}) attempt {Attempt} failed; retrying at {RunAfter}: {Error}")]
    public static partial void JobRetrying(ILogger logger, string job, string kind, int attempt, DateTimeOffset runAfter, string error);

    [LoggerMessage(3002, LogLevel.Error, "Job {Job} ({Kind}) gave up after {Attempt} attempts: {Error}")]
    public static partial void JobGaveUp(ILogger logger, string job, string kind, int attempt, string error);

    [LoggerMessage(3003, LogLevel.Error, "Job worker loop failed; it restarts after a pause.")]
    public static partial void WorkerLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(3004, LogLevel.Warning, "Job {Job} lost its lease; another worker may run it.")]
    public static partial void LeaseLost(ILogger logger, string job);

    [LoggerMessage(4001, LogLevel.Information, "Swept {Count} expired upload sessions.")]
    public static partial void SweptSessions(ILogger logger, int count);

    [LoggerMessage(4002, LogLevel.Error, "Sweeping expired sessions failed; it runs again later.")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(4003, LogLevel.Warning, "Removing expired upload session {Session} failed; the next sweep retries it.")]
    public static partial void SessionSweepFailed(ILogger logger, string session, Exception exception);

    [LoggerMessage(4004, LogLevel.Information, "Aborted {Count} multipart uploads left open more than {Seconds} s.")]
    public static partial void AbortedAbandonedUploads(ILogger logger, int count, int seconds);

    [LoggerMessage(4005, LogLevel.Error, "Aborting abandoned multipart uploads failed; it runs again later.")]
    public static partial void MultipartSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(4006, LogLevel.Warning, "Deleting blob {Blob} failed; it stays listed and the next sweep retries.")]
    public static partial void BlobReclaimDeferred(ILogger logger, string blob, Exception exception);

    [LoggerMessage(4007, LogLevel.Information, "Reclaimed {Count} blobs of replaced, deleted or abandoned objects.")]
    public static partial void ReclaimedBlobs(ILogger logger, int count);

    [LoggerMessage(4008, LogLevel.Error, "Reclaiming blobs failed; it runs again later.")]
    public static partial void BlobReclaimSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(7001, LogLevel.Warning, "The storage is full: writes that take space are refused until deletions make room for the reserve and beside it.")]
    public static partial void StorageFull(ILogger logger);

    [LoggerMessage(7002, LogLevel.Warning, "Released the storage reserve ({Bytes} bytes) so that a deletion can be recorded on the full disk.")]
    public static partial void ReserveReleased(ILogger logger, long bytes);

    [LoggerMessage(7003, LogLevel.Information, "The storage has room again: the reserve is in place and writes are accepted.")]
    public static partial void StorageRecovered(ILogger logger);
}
