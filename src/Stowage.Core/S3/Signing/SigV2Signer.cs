using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Stowage.Core.S3.Signing;

/// <summary>
/// Signature Version 2 (docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html), which boto3
/// and awscli v1 still use for presigned URLs by default and s3cmd's <c>signurl</c> produces:
/// <c>Base64(HMAC-SHA1(secret, VERB\nContent-MD5\nContent-Type\nExpires-or-Date\nCanonicalizedAmzHeaders CanonicalizedResource))</c>.
/// </summary>
public static class SigV2Signer
{
    /// <summary>Query parameters of a presigned V2 URL.</summary>
    public const string QueryAccessKeyId = "AWSAccessKeyId";
    public const string QueryExpires = "Expires";
    public const string QuerySignature = "Signature";

    /// <summary>
    /// The sub-resources that belong in the CanonicalizedResource (the page's list, plus the later ones
    /// botocore's HmacV1Auth also signs).
    /// </summary>
    private static readonly HashSet<string> SubResources = new(StringComparer.Ordinal)
    {
        "accelerate", "acl", "analytics", "cors", "delete", "encryption", "inventory", "legal-hold", "lifecycle",
        "location", "logging", "metrics", "notification", "object-lock", "partNumber", "policy", "replication",
        "requestPayment", "response-cache-control", "response-content-disposition", "response-content-encoding",
        "response-content-language", "response-content-type", "response-expires", "restore", "retention", "select",
        "select-type", "tagging", "torrent", "uploadId", "uploads", "versionId", "versioning", "versions", "website",
    };

    /// <summary>
    /// The CanonicalizedResource: the path as sent, starting with the bucket (path-style, or "/bucket" put in
    /// front for virtual-hosted style), then the sub-resources sorted by name (<c>?partNumber=1&amp;uploadId=x</c>),
    /// with their decoded values; a valueless one (<c>?uploads</c>) stays valueless.
    /// </summary>
    public static string CanonicalResource(string path, IEnumerable<KeyValuePair<string, string?>> decodedQuery)
    {
        var builder = new StringBuilder(path);
        var first = true;
        foreach (var (name, value) in decodedQuery
                     .Where(static p => SubResources.Contains(p.Key))
                     .OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            builder.Append(first ? '?' : '&').Append(name);
            if (!string.IsNullOrEmpty(value))
            {
                builder.Append('=').Append(value);
            }

            first = false;
        }

        return builder.ToString();
    }

    /// <summary>
    /// The CanonicalizedAmzHeaders: every x-amz-* header, lowercase, sorted, repeated values joined with ',',
    /// values trimmed, each line <c>name:value\n</c>.
    /// </summary>
    public static string CanonicalAmzHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var builder = new StringBuilder();
        foreach (var group in headers
                     .Where(static h => h.Key.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase))
                     .GroupBy(static h => h.Key.ToLowerInvariant(), StringComparer.Ordinal)
                     .OrderBy(static g => g.Key, StringComparer.Ordinal))
        {
            builder.Append(group.Key).Append(':')
                .AppendJoin(',', group.Select(static h => SigV4Encoding.CanonicalHeaderValue(h.Value)))
                .Append('\n');
        }

        return builder.ToString();
    }

    public static string StringToSign(
        string method,
        string? contentMd5,
        string? contentType,
        string expiresOrDate,
        string canonicalAmzHeaders,
        string canonicalResource) =>
        $"{method}\n{contentMd5?.Trim()}\n{contentType?.Trim()}\n{expiresOrDate}\n{canonicalAmzHeaders}{canonicalResource}";

    /// <summary>Base64 of HMAC-SHA1 of the string-to-sign.</summary>
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "SigV2 is defined as HMAC-SHA1; clients that sign with it exist.")]
    public static string Sign(string secretAccessKey, string stringToSign) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secretAccessKey), Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>Whether two base64 signatures are equal, in time independent of where they differ.</summary>
    public static bool SignaturesEqual(string expected, string? provided) =>
        provided is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(provided));
}
