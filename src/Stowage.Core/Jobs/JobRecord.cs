namespace Stowage.Core.Jobs;

/// <summary>
/// A durable job. <see cref="Payload"/> is the handler's own JSON. <see cref="Attempts"/> counts
/// claims, so a job whose worker died mid-way is seen as retried. <see cref="AccountId"/> is the account the job
/// works for: jobs of one account share <see cref="JobOptions.MaxRunningPerAccount"/>; null means no account and no cap.
/// </summary>
public sealed record JobRecord(
    string Id,
    string Kind,
    string Payload,
    JobState State,
    int Attempts,
    DateTimeOffset RunAfter,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    string? LeaseOwner,
    DateTimeOffset? LeaseUntil,
    string? LastError,
    string? AccountId = null);

public enum JobState
{
    /// <summary>Ready to run at or after RunAfter.</summary>
    Queued,

    /// <summary>Claimed by a worker until LeaseUntil; a lapsed lease makes it claimable again.</summary>
    Running,

    Succeeded,

    /// <summary>Gave up after its last attempt.</summary>
    Failed,
}
