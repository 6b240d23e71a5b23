using Stowage.Core.Errors;

namespace Stowage.Core.S3;

/// <summary>What PutObject and UploadPart share around a streamed body.</summary>
internal static class S3Uploads
{
    /// <summary>EntityTooLarge before reading anything when the declared length is already above the limit.</summary>
    public static Failure? CheckDeclaredLength(long? declaredLength, long maxBytes)
    {
        if (declaredLength is < 0)
        {
            return Failure.Because(StowageErrors.InvalidField, "The content length must not be negative.");
        }

        return declaredLength > maxBytes
            ? Failure.Because(StowageErrors.FileTooLarge, $"Your proposed upload of {declaredLength} bytes exceeds the maximum allowed size of {maxBytes} bytes.")
            : null;
    }

    /// <summary>
    /// 403 QuotaExceeded naming the limit, as S3-compatible stores answer a write over a quota (MinIO and Ceph RGW
    /// use this code and status).
    /// </summary>
    public static Failure QuotaExceeded(long? quotaBytes) =>
        Failure.Because(StowageErrors.StorageQuotaExceeded, $"This write would take the account over its storage quota of {quotaBytes} bytes.");

    /// <summary>
    /// The failure an <see cref="S3ContentException"/> carries, thrown by the body (ours or the front door's
    /// readers), even when a blob store wrapped it; null for any other exception, which propagates.
    /// </summary>
    public static Failure? ContentFailureOf(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is S3ContentException content)
            {
                return content.Failure;
            }
        }

        return null;
    }

    /// <summary>A blob store must read a body to its end: that is where it is verified.</summary>
    public static void EnsureReadToTheEnd(S3ContentStream body)
    {
        if (!body.Completed)
        {
            throw new InvalidOperationException("The blob store returned before reading the body to its end, so it was not verified.");
        }
    }
}
