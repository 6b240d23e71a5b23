using System.Globalization;
using Stowage.Core.Checksums;
using Stowage.Core.Errors;
using Stowage.Core.S3;
using Stowage.Server.Protocols.S3.Streaming;

namespace Stowage.Server.Protocols.S3.Auth;

/// <summary>
/// The body of an authenticated request: which stream reads it, its decoded length, and which checksum it
/// carries or asks for (docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html).
/// </summary>
internal sealed partial class S3RequestAuthenticator
{
    private static Result<S3RequestBody> BuildBody(HttpRequest request, S3PayloadMode mode, string? payloadHash, ChunkSignatureChain? chain)
    {
        ChecksumValue? headerChecksum = null;
        foreach (var (name, values) in request.Headers)
        {
            if (!ChecksumNames.TryParseHeaderName(name, out var algorithm))
            {
                continue;
            }

            if (headerChecksum is not null || values.Count != 1)
            {
                return S3AuthFailures.Message(StowageErrors.InvalidRequest, "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
            }

            headerChecksum = new ChecksumValue(algorithm, values.ToString().Trim());
            if (ChecksumFormat.Validate(headerChecksum) is { } invalid)
            {
                return invalid;
            }
        }

        var declared = DeclaredTrailer(request, out var trailerError);
        if (trailerError is not null)
        {
            return trailerError;
        }

        var hasTrailer = S3PayloadHash.HasTrailer(mode);
        if (hasTrailer != declared.HasValue)
        {
            return S3AuthFailures.Message(
                StowageErrors.InvalidRequest,
                hasTrailer
                    ? "A STREAMING-…-TRAILER upload needs an x-amz-trailer header naming its checksum."
                    : "x-amz-trailer needs x-amz-content-sha256 STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER or STREAMING-UNSIGNED-PAYLOAD-TRAILER.");
        }

        if (headerChecksum is not null && declared is not null)
        {
            return S3AuthFailures.Message(StowageErrors.InvalidRequest, "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
        }

        ChecksumAlgorithm? sdkAlgorithm = null;
        if (Header(request, "x-amz-sdk-checksum-algorithm") is { } sdkText)
        {
            if (!ChecksumNames.TryParseName(sdkText.Trim(), out var parsed))
            {
                return S3AuthFailures.Message(StowageErrors.InvalidRequest, "Value for x-amz-sdk-checksum-algorithm header is invalid.");
            }

            sdkAlgorithm = parsed;
        }

        var sent = headerChecksum?.Algorithm ?? declared;
        if (sent is not null && sdkAlgorithm is not null && sent != sdkAlgorithm)
        {
            return S3AuthFailures.Message(
                StowageErrors.InvalidRequest,
                $"Value for x-amz-sdk-checksum-algorithm header is invalid: the request carries a {ChecksumNames.Name(sent.Value)} checksum.");
        }

        var algorithmToCompute = sent ?? sdkAlgorithm;
        switch (mode)
        {
            case S3PayloadMode.Sha256:
                return new S3RequestBody(
                    new PayloadSha256Stream(request.Body, Convert.FromHexString(payloadHash!), request.ContentLength),
                    request.ContentLength,
                    headerChecksum,
                    NoTrailer,
                    algorithmToCompute);

            case S3PayloadMode.Unsigned:
                return new S3RequestBody(request.Body, request.ContentLength, headerChecksum, NoTrailer, algorithmToCompute);

            default:
                var decodedText = Header(request, "x-amz-decoded-content-length")?.Trim();
                if (decodedText is null)
                {
                    return S3AuthFailures.Message(StowageErrors.LengthRequired, "An aws-chunked upload needs the x-amz-decoded-content-length header.");
                }

                if (!long.TryParse(decodedText, NumberStyles.None, CultureInfo.InvariantCulture, out var decodedLength))
                {
                    return S3AuthFailures.Message(StowageErrors.InvalidField, "x-amz-decoded-content-length must be a whole number of bytes.");
                }

                var stream = new AwsChunkedStream(request.Body, new AwsChunkedOptions(decodedLength, chain, hasTrailer, declared));
                return new S3RequestBody(stream, decodedLength, headerChecksum, () => stream.TrailerChecksum, algorithmToCompute);
        }
    }

    private static ChecksumValue? NoTrailer() => null;

    /// <summary>The checksum named by x-amz-trailer (S3 supports exactly one, a checksum), or null when absent.</summary>
    private static ChecksumAlgorithm? DeclaredTrailer(HttpRequest request, out Failure? error)
    {
        error = null;
        if (Header(request, "x-amz-trailer") is not { } trailer)
        {
            return null;
        }

        var names = trailer.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 1 && ChecksumNames.TryParseHeaderName(names[0], out var algorithm))
        {
            return algorithm;
        }

        error = S3AuthFailures.Message(StowageErrors.InvalidRequest, "The value specified in the x-amz-trailer header is not supported");
        return null;
    }
}
