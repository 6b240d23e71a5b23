using System.Text;

namespace Stowage.Core.S3.Signing;

/// <summary>
/// The canonical request (docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html, step 1):
/// method, canonical URI, canonical query string, canonical headers, signed headers, payload hash.
/// </summary>
public static class SigV4CanonicalRequest
{
    /// <param name="method">The HTTP method, uppercase.</param>
    /// <param name="canonicalUri">The path as sent (S3 does not double-encode).</param>
    /// <param name="canonicalQuery">From <see cref="SigV4Encoding.CanonicalQueryString"/>.</param>
    /// <param name="headers">Lowercase names in signed-headers order (sorted), values already canonical.</param>
    /// <param name="payloadHash">The hex SHA-256 of the body, or UNSIGNED-PAYLOAD / STREAMING-….</param>
    public static string Build(
        string method,
        string canonicalUri,
        string canonicalQuery,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        string payloadHash)
    {
        var builder = new StringBuilder(512);
        builder.Append(method).Append('\n');
        builder.Append(canonicalUri).Append('\n');
        builder.Append(canonicalQuery).Append('\n');
        foreach (var (name, value) in headers)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('\n');
        for (var i = 0; i < headers.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(';');
            }

            builder.Append(headers[i].Key);
        }

        builder.Append('\n').Append(payloadHash);
        return builder.ToString();
    }
}
