using Stowage.Core.Errors;

namespace Stowage.Core.S3;

/// <summary>
/// Failures with a specific human reason: S3 puts the reason for a refusal in <c>&lt;Message&gt;</c>, so the
/// core and the front door carry it in <c>Details["Message"]</c>, and the front door renders it there.
/// </summary>
public static class S3Failures
{
    public const string MessageField = "Message";

    public static Failure WithMessage(ErrorCode error, string message) => Failure.With(error, MessageField, message);

    /// <summary>The failure's specific reason, else its catalogue message.</summary>
    public static string MessageOf(Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.Details.TryGetValue(MessageField, out var message) && message is string text ? text : failure.Error.Message;
    }
}
