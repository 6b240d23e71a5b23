namespace Stowage.Core.S3.Signing;

/// <summary>
/// The <c>x-amz-*</c> headers of a request that its SigV4 signature does not cover. Such a header changes what the
/// request does (x-amz-acl, x-amz-meta-*, x-amz-checksum-*, x-amz-copy-source …), so one nobody signed would let
/// anyone holding a signed request or a presigned URL add or change it. S3 refuses them: 403 AccessDenied "There
/// were headers present in the request which were not signed", naming them in <c>HeadersNotSigned</c> (the answer
/// the SDKs' issue trackers quote, e.g. aws-sdk-go-v2#2387, aws-sdk-js#4197, awslabs/aws-sdk-rust#1253).
/// A header is covered when:
/// <list type="bullet">
/// <item>it is among the signed headers;</item>
/// <item>the query carries a parameter of the same name with the same value: the query is signed, and presigners
/// hoist x-amz-* headers into it (the JS SDK's getSignedUrl puts x-amz-acl there, and uploaders send the same
/// x-amz-acl as a header as well; reference/s3-wire SUMMARY, "getSignedUrl(PutObject)");</item>
/// <item>it is x-amz-content-sha256, which S3 accepts unsigned: with an Authorization header its value is the last
/// line of the canonical request, so the signature covers it anyway, and a presigned request takes its payload
/// hash from the query and ignores the header;</item>
/// <item>with an Authorization header, it is x-amz-date, whose value is the timestamp of the string to sign.</item>
/// </list>
/// Headers that do not start with <c>x-amz-</c> (x-amzn-trace-id, user-agent, expect …) are not concerned.
/// </summary>
public static class SigV4UnsignedHeaders
{
    /// <summary>The element of S3's error that names the uncovered headers, separated by ", ".</summary>
    public const string ErrorElement = "HeadersNotSigned";

    /// <summary>S3's message for the refusal.</summary>
    public const string Message = "There were headers present in the request which were not signed";

    private const string AmzPrefix = "x-amz-";

    /// <summary>
    /// The uncovered x-amz-* header names, lower-case, sorted, each once; empty when all are covered.
    /// </summary>
    /// <param name="headers">Every request header: name and value (repeated values joined with ',').</param>
    /// <param name="signedHeaders">The signed header names (lower-case).</param>
    /// <param name="query">The decoded query parameters, all of which the signature covers.</param>
    /// <param name="presigned">True for a presigned request (the signature is in the query).</param>
    public static IReadOnlyList<string> Find(
        IEnumerable<KeyValuePair<string, string>> headers,
        IReadOnlyCollection<string> signedHeaders,
        IReadOnlyList<KeyValuePair<string, string>> query,
        bool presigned)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(signedHeaders);
        ArgumentNullException.ThrowIfNull(query);
        SortedSet<string>? uncovered = null;
        foreach (var (rawName, value) in headers)
        {
            if (!rawName.StartsWith(AmzPrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = rawName.ToLowerInvariant();
            if (signedHeaders.Contains(name) || IsExempt(name, presigned) || InQuery(name, value, query))
            {
                continue;
            }

            (uncovered ??= new SortedSet<string>(StringComparer.Ordinal)).Add(name);
        }

        return uncovered is null ? [] : [.. uncovered];
    }

    private static bool IsExempt(string name, bool presigned) =>
        name == "x-amz-content-sha256" || (!presigned && name == "x-amz-date");

    private static bool InQuery(string name, string value, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var canonical = SigV4Encoding.CanonicalHeaderValue(value);
        foreach (var (parameter, parameterValue) in query)
        {
            if (string.Equals(parameter, name, StringComparison.OrdinalIgnoreCase)
                && string.Equals(SigV4Encoding.CanonicalHeaderValue(parameterValue), canonical, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
