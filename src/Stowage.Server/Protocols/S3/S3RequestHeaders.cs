using Stowage.Core.Checksums;
using Stowage.Core.Errors;
using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3;

/// <summary>
/// The request headers S3 stores with an object and returns on GET/HEAD: the representation headers and
/// user metadata (<c>x-amz-meta-*</c>), plus parsing of Content-MD5
/// (docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html#API_PutObject_RequestSyntax).
/// </summary>
internal static class S3RequestHeaders
{
    /// <summary>Representation headers kept as given. Content-Encoding is kept minus "aws-chunked", which only frames the upload.</summary>
    private static readonly string[] Stored = ["content-type", "content-disposition", "content-language", "cache-control", "expires"];

    private const string UserMetadataPrefix = "x-amz-meta-";

    /// <summary>S3's limit on user metadata: 2 KB of names and values (docs: "Working with object metadata").</summary>
    private const int MaxUserMetadataBytes = 2048;

    public static Result<IReadOnlyDictionary<string, string>> StoredHeaders(HttpRequest request)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Stored)
        {
            if (request.Headers.TryGetValue(name, out var value) && value.ToString() is { Length: > 0 } text)
            {
                headers[name] = text;
            }
        }

        var encodings = request.Headers.ContentEncoding.ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(e => !e.Equals("aws-chunked", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        if (encodings.Length > 0)
        {
            headers["content-encoding"] = string.Join(", ", encodings);
        }

        var metadataBytes = 0;
        foreach (var (name, value) in request.Headers)
        {
            if (name.StartsWith(UserMetadataPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var lower = name.ToLowerInvariant();
                headers[lower] = value.ToString();
                metadataBytes += lower.Length - UserMetadataPrefix.Length + System.Text.Encoding.UTF8.GetByteCount(value.ToString());
            }
        }

        if (metadataBytes > MaxUserMetadataBytes)
        {
            return Failure.Because(StowageErrors.InvalidField, $"Your metadata headers exceed the maximum allowed metadata size ({MaxUserMetadataBytes} bytes).");
        }

        return headers;
    }

    /// <summary>The 16 bytes of a Content-MD5 header; null when absent; InvalidDigest when it is not base64 of 16 bytes.</summary>
    public static Result<byte[]?> ContentMd5(HttpRequest request)
    {
        if (!request.Headers.TryGetValue("Content-MD5", out var value))
        {
            return Result<byte[]?>.Ok(null);
        }

        Span<byte> digest = stackalloc byte[18];
        if (!Convert.TryFromBase64String(value.ToString().Trim(), digest, out var written) || written != 16)
        {
            return StowageErrors.InvalidChecksum;
        }

        return Result<byte[]?>.Ok(digest[..16].ToArray());
    }

    /// <summary>The upload's checksum algorithm as named by <c>x-amz-checksum-algorithm</c> (CreateMultipartUpload); InvalidRequest when unknown.</summary>
    public static Result<ChecksumAlgorithm?> ChecksumAlgorithmHeader(HttpRequest request)
    {
        var name = request.Headers["x-amz-checksum-algorithm"].ToString();
        if (name.Length == 0)
        {
            return Result<ChecksumAlgorithm?>.Ok(null);
        }

        return ChecksumNames.TryParseName(name, out var algorithm)
            ? Result<ChecksumAlgorithm?>.Ok(algorithm)
            : Failure.Because(StowageErrors.InvalidRequest, $"Checksum algorithm '{name}' is not supported.");
    }
}
