using Stowage.Core.S3.Signing;

namespace Stowage.Server.Protocols.S3.Auth;

/// <summary>Reads <c>x-amz-content-sha256</c> (or a presigned URL's X-Amz-Content-Sha256).</summary>
internal static class S3PayloadHash
{
    public static bool TryClassify(string? value, out S3PayloadMode mode)
    {
        mode = value switch
        {
            SigV4.UnsignedPayload => S3PayloadMode.Unsigned,
            SigV4.StreamingSignedPayload => S3PayloadMode.StreamingSigned,
            SigV4.StreamingSignedPayloadTrailer => S3PayloadMode.StreamingSignedTrailer,
            SigV4.StreamingUnsignedPayloadTrailer => S3PayloadMode.StreamingUnsignedTrailer,
            _ => S3PayloadMode.Sha256,
        };
        return mode != S3PayloadMode.Sha256 || (value is { Length: 64 } && value.All(char.IsAsciiHexDigit));
    }

    public static bool IsStreaming(S3PayloadMode mode) =>
        mode is S3PayloadMode.StreamingSigned or S3PayloadMode.StreamingSignedTrailer or S3PayloadMode.StreamingUnsignedTrailer;

    public static bool HasTrailer(S3PayloadMode mode) =>
        mode is S3PayloadMode.StreamingSignedTrailer or S3PayloadMode.StreamingUnsignedTrailer;
}
