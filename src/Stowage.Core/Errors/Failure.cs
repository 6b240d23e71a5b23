namespace Stowage.Core.Errors;

/// <summary>
/// An expected failure: a catalogue entry, optionally a specific human reason that replaces the entry's
/// message, and the extra fields the wire formats carry (e.g. <c>received</c> on a gap, <c>limit</c> on a
/// size limit, <c>ArgumentName</c> on an S3 argument).
/// </summary>
public sealed class Failure
{
    public Failure(ErrorCode error, IReadOnlyDictionary<string, object?>? details = null, TimeSpan? retryAfter = null, string? reason = null)
    {
        Error = error;
        Details = details ?? new Dictionary<string, object?>();
        RetryAfter = retryAfter;
        Reason = reason;
    }

    public ErrorCode Error { get; }

    /// <summary>Extra fields rendered beside the code, in insertion order.</summary>
    public IReadOnlyDictionary<string, object?> Details { get; }

    /// <summary>Set on rate limiting and busy answers; rendered as the Retry-After header.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Why this request failed, more specifically than the catalogue's message; null for the catalogue's.</summary>
    public string? Reason { get; }

    /// <summary>The specific reason, else the catalogue entry's message.</summary>
    public string Message => Reason ?? Error.Message;

    public static Failure Of(ErrorCode error) => new(error);

    public static Failure With(ErrorCode error, string field, object? value) =>
        new(error, new Dictionary<string, object?> { [field] = value });

    /// <summary>A failure whose message names the specific reason (S3 puts it in &lt;Message&gt;).</summary>
    public static Failure Because(ErrorCode error, string reason) => new(error, reason: reason);

    public override string ToString() => Error.Code;
}
