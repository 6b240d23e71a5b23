namespace Stowage.Core.Jobs;

/// <summary>What a handler says about a run.</summary>
public sealed record JobOutcome(JobOutcomeKind Kind, string? Error)
{
    public static readonly JobOutcome Done = new(JobOutcomeKind.Done, null);

    /// <summary>A transient failure: run again later.</summary>
    public static JobOutcome Retry(string error) => new(JobOutcomeKind.Retry, error);

    /// <summary>A permanent failure: retrying cannot help.</summary>
    public static JobOutcome GiveUp(string error) => new(JobOutcomeKind.GiveUp, error);
}

public enum JobOutcomeKind
{
    Done,
    Retry,
    GiveUp,
}
