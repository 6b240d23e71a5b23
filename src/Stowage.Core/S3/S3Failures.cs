using Stowage.Core.Errors;

namespace Stowage.Core.S3;

/// <summary>Failures with a specific human reason, which the S3 front door renders as <c>&lt;Message&gt;</c>.</summary>
internal static class S3Failures
{
    public const string MessageField = "Message";

    public static Failure WithMessage(ErrorCode error, string message) => Failure.With(error, MessageField, message);
}
