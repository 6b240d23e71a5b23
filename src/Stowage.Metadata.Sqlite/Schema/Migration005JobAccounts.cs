namespace Stowage.Metadata.Sqlite.Schema;

/// <summary>
/// The account each job works for, so a claim can hold back an account that already has
/// <c>JobOptions.MaxRunningPerAccount</c> jobs running (<c>IJobQueue.ClaimAsync</c>). Jobs queued before this step
/// have none and are not capped. The partial index holds only running jobs, so counting an account's is a short
/// range scan however long the queue's history.
/// </summary>
internal static class Migration005JobAccounts
{
    public const string Sql = """
        ALTER TABLE jobs ADD COLUMN account_id TEXT;
        CREATE INDEX jobs_running_by_account ON jobs (account_id) WHERE state = 'Running';
        """;
}
