namespace Stowage.Core.Errors;

/// <summary>
/// An expected failure: a catalogue entry plus the extra fields the wire format carries
/// (e.g. <c>received</c> on 409, <c>limit</c> on 413, <c>extension</c> and <c>allowed</c> on 415).
/// </summary>
public sealed class Failure
{
    public Failure(ErrorCode error, IReadOnlyDictionary<string, object?>? details = null, TimeSpan? retryAfter = null)
    {
        Error = error;
        Details = details ?? new Dictionary<string, object?>();
        RetryAfter = retryAfter;
    }

    public ErrorCode Error { get; }

    /// <summary>Extra fields rendered beside the code, in insertion order.</summary>
    public IReadOnlyDictionary<string, object?> Details { get; }

    /// <summary>Set on rate limiting and busy answers; rendered as the Retry-After header.</summary>
    public TimeSpan? RetryAfter { get; }

    public static Failure Of(ErrorCode error) => new(error);

    public static Failure With(ErrorCode error, string field, object? value) =>
        new(error, new Dictionary<string, object?> { [field] = value });

    public override string ToString() => Error.Code;
}
