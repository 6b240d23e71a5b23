using Dapper;
using Stowage.Core.Jobs;
using Stowage.Metadata.Sqlite.Rows;

namespace Stowage.Metadata.Sqlite;

// IJobQueue: a leased queue. Every state change after a claim is conditional on the caller still owning
// the lease, so a worker whose lease lapsed and was taken over cannot overwrite the new owner's work.
public sealed partial class SqliteMetadataStore
{
    /// <summary>
    /// The IN term repeats jobs_pending's WHERE verbatim so SQLite can use that partial index
    /// (https://sqlite.org/partialindex.html#queries_using_partial_indexes); the count of the account's running jobs
    /// likewise repeats jobs_running_by_account's. A job whose account is at its cap is passed over, so the oldest
    /// job of another account is claimed instead; a lapsed lease no longer counts as running.
    /// </summary>
    private static readonly string ClaimSql = $"""
        UPDATE jobs SET state = 'Running', lease_owner = @owner, lease_until = @leaseUntil, attempts = attempts + 1, updated = @now
        WHERE rowid = (
            SELECT rowid FROM jobs AS candidate
            WHERE state IN ('Queued', 'Running')
              AND ((state = 'Queued' AND run_after <= @now) OR (state = 'Running' AND lease_until < @now))
              AND (account_id IS NULL OR (
                  SELECT COUNT(*) FROM jobs AS running
                  WHERE running.state = 'Running' AND running.account_id = candidate.account_id AND running.lease_until >= @now
                  ) < @maxRunningPerAccount)
            ORDER BY created, rowid
            LIMIT 1)
        RETURNING {JobRow.Columns}
        """;

    public async Task EnqueueAsync(JobRecord job, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Command(InsertJobSql, JobRow.From(job), cancellationToken));
    }

    public Task<JobRecord?> ClaimAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        ClaimAsync(owner, now, leaseUntil, int.MaxValue, cancellationToken);

    public async Task<JobRecord?> ClaimAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int maxRunningPerAccount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRunningPerAccount, 1);
        var parameters = new { owner, now = UnixMillis.From(now), leaseUntil = UnixMillis.From(leaseUntil), maxRunningPerAccount };

        // One UPDATE … RETURNING already picks and takes the job under the write lock; IMMEDIATE makes
        // that explicit and keeps claims on the same busy-retry path as the other check-and-writes.
        var row = await WriteAsync(
            (connection, transaction) => connection.QuerySingleOrDefaultAsync<JobRow>(Command(ClaimSql, parameters, cancellationToken, transaction)),
            cancellationToken);
        return row?.ToRecord();
    }

    public Task<bool> RenewAsync(string jobId, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        UpdateOwnedAsync("lease_until = @leaseUntil", new { jobId, owner, leaseUntil = UnixMillis.From(leaseUntil) }, cancellationToken);

    public Task<bool> CompleteAsync(string jobId, string owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateOwnedAsync(
            "state = 'Succeeded', updated = @now, lease_owner = NULL, lease_until = NULL",
            new { jobId, owner, now = UnixMillis.From(now) }, cancellationToken);

    public Task<bool> RetryAsync(string jobId, string owner, DateTimeOffset runAfter, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateOwnedAsync(
            "state = 'Queued', run_after = @runAfter, last_error = @error, updated = @now, lease_owner = NULL, lease_until = NULL",
            new { jobId, owner, runAfter = UnixMillis.From(runAfter), error, now = UnixMillis.From(now) }, cancellationToken);

    public Task<bool> FailAsync(string jobId, string owner, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateOwnedAsync(
            "state = 'Failed', last_error = @error, updated = @now, lease_owner = NULL, lease_until = NULL",
            new { jobId, owner, error, now = UnixMillis.From(now) }, cancellationToken);

    public async Task<JobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<JobRow>(Command(
            $"SELECT {JobRow.Columns} FROM jobs WHERE id = @jobId", new { jobId }, cancellationToken));
        return row?.ToRecord();
    }

    /// <summary>
    /// One conditional UPDATE: it succeeds only while the job is Running under <c>@owner</c>. A lapsed
    /// but not yet reclaimed lease still counts as owned; once another worker claims it, it does not.
    /// </summary>
    private async Task<bool> UpdateOwnedAsync(string assignments, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(Command(
            $"UPDATE jobs SET {assignments} WHERE id = @jobId AND state = 'Running' AND lease_owner = @owner",
            parameters, cancellationToken));
        return updated == 1;
    }
}
