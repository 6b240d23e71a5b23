using Stowage.Core.Jobs;

namespace Stowage.Metadata.Sqlite.Rows;

/// <summary>The jobs table as Dapper binds and reads it.</summary>
internal sealed class JobRow
{
    public const string Columns =
        "id AS Id, kind AS Kind, payload AS Payload, state AS State, attempts AS Attempts, run_after AS RunAfter, " +
        "created AS Created, updated AS Updated, lease_owner AS LeaseOwner, lease_until AS LeaseUntil, last_error AS LastError, " +
        "account_id AS AccountId";

    public string Id { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Payload { get; set; } = "";
    public string State { get; set; } = "";
    public long Attempts { get; set; }
    public long RunAfter { get; set; }
    public long Created { get; set; }
    public long Updated { get; set; }
    public string? LeaseOwner { get; set; }
    public long? LeaseUntil { get; set; }
    public string? LastError { get; set; }
    public string? AccountId { get; set; }

    public static JobRow From(JobRecord job) => new()
    {
        Id = job.Id,
        Kind = job.Kind,
        Payload = job.Payload,
        State = job.State.ToString(),
        Attempts = job.Attempts,
        RunAfter = UnixMillis.From(job.RunAfter),
        Created = UnixMillis.From(job.Created),
        Updated = UnixMillis.From(job.Updated),
        LeaseOwner = job.LeaseOwner,
        LeaseUntil = UnixMillis.From(job.LeaseUntil),
        LastError = job.LastError,
        AccountId = job.AccountId,
    };

    public JobRecord ToRecord() => new(
        Id, Kind, Payload, Enum.Parse<JobState>(State), checked((int)Attempts), UnixMillis.To(RunAfter),
        UnixMillis.To(Created), UnixMillis.To(Updated), LeaseOwner, UnixMillis.To(LeaseUntil), LastError, AccountId);
}
