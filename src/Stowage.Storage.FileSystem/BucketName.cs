namespace Stowage.Storage.FileSystem;

/// <summary>
/// S3 bucket-name rules (docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html):
/// 3–63 characters of lowercase letters, digits, dots and hyphens, starting and ending with a letter
/// or digit, no two dots in a row. A bucket is a directory name here, so the rules also keep out
/// <c>..</c>, separators and the store's own <c>.tmp</c> directory.
/// </summary>
internal static class BucketName
{
    private const int MinLength = 3;
    private const int MaxLength = 63;

    public static void Validate(string? bucket)
    {
        if (!IsValid(bucket))
        {
            throw new ArgumentException($"'{bucket}' is not a valid bucket name (S3 rules: 3-63 lowercase letters, digits, dots, hyphens).", nameof(bucket));
        }
    }

    private static bool IsValid(string? bucket)
    {
        if (bucket is null || bucket.Length is < MinLength or > MaxLength)
        {
            return false;
        }

        if (!IsLetterOrDigit(bucket[0]) || !IsLetterOrDigit(bucket[^1]) || bucket.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in bucket)
        {
            if (!IsLetterOrDigit(c) && c is not '.' and not '-')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLetterOrDigit(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
