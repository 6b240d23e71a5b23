namespace Stowage.Core.S3;

/// <summary>The start-up checks of <see cref="S3Options"/>, in words an operator can act on.</summary>
public static class S3OptionsValidation
{
    /// <summary>SigV4 presigned URLs live at most 7 days (X-Amz-Expires at most 604800).</summary>
    public const int MaxPresignedSecondsLimit = 7 * 24 * 3600;

    public static IEnumerable<string> Validate(S3Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Region))
        {
            yield return "Region must not be empty.";
        }

        if (options.PublicEndpoint is { } endpoint && !IsHttpUrl(endpoint))
        {
            yield return $"PublicEndpoint '{endpoint}' must be an absolute http or https URL.";
        }

        if (!S3BucketNames.IsValid(options.ProjectsBucket))
        {
            yield return $"ProjectsBucket '{options.ProjectsBucket}' is not a valid bucket name (3-63 lowercase letters, digits, dots, hyphens; see the S3 naming rules).";
        }

        foreach (var (bucket, account) in options.Buckets)
        {
            if (string.Equals(bucket, options.ProjectsBucket, StringComparison.Ordinal))
            {
                yield return $"Buckets: '{bucket}' is the name of the projects bucket (ProjectsBucket), which no account's bucket can take; choose another name for one of them.";
            }

            if (!S3BucketNames.IsValid(bucket))
            {
                yield return $"Buckets: '{bucket}' is not a valid bucket name (3-63 lowercase letters, digits, dots, hyphens; see the S3 naming rules).";
            }

            if (string.IsNullOrWhiteSpace(account))
            {
                yield return $"Buckets: '{bucket}' needs an account name.";
            }
        }

        if (options.MaxObjectBytes <= 0)
        {
            yield return "MaxObjectBytes must be positive.";
        }

        // Compared with MaxObjectBytes only when that one is sound, so one mistake gives one message.
        if (options.MinPartBytes <= 0 || (options.MaxObjectBytes > 0 && options.MinPartBytes > options.MaxObjectBytes))
        {
            yield return "MinPartBytes must be positive and at most MaxObjectBytes.";
        }

        if (options.MaxTemporaryCredentialSeconds < 1)
        {
            yield return "MaxTemporaryCredentialSeconds must be at least 1.";
        }

        if (options.MaxPresignedSeconds is < 1 or > MaxPresignedSecondsLimit)
        {
            yield return $"MaxPresignedSeconds must be between 1 and {MaxPresignedSecondsLimit} (7 days, SigV4's limit).";
        }

        if (options.MaxClockSkewSeconds < 1)
        {
            yield return "MaxClockSkewSeconds must be at least 1.";
        }

        if (options.AbandonedMultipartUploadSeconds < 0)
        {
            yield return "AbandonedMultipartUploadSeconds must be 0 (never) or more.";
        }

        if (options.MultipartSweepIntervalSeconds < 1)
        {
            yield return "MultipartSweepIntervalSeconds must be at least 1.";
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
