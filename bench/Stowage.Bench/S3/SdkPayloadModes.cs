namespace Stowage.Bench.S3;

/// <summary>What each <see cref="SdkPayloadMode"/> is called in the report and sends as x-amz-content-sha256.</summary>
internal static class SdkPayloadModes
{
    public static string Label(SdkPayloadMode mode) => mode switch
    {
        SdkPayloadMode.SignedStreamingCrc32 => "signed streaming + CRC32",
        SdkPayloadMode.SignedStreaming => "signed streaming",
        _ => "UNSIGNED-PAYLOAD",
    };

    public static string Slug(SdkPayloadMode mode) => mode switch
    {
        SdkPayloadMode.SignedStreamingCrc32 => "signed-crc32",
        SdkPayloadMode.SignedStreaming => "signed",
        _ => "unsigned",
    };

    /// <summary>The x-amz-content-sha256 every body-carrying PUT of this mode must have sent.</summary>
    public static string ContentSha256(SdkPayloadMode mode) => mode switch
    {
        SdkPayloadMode.SignedStreamingCrc32 => "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
        SdkPayloadMode.SignedStreaming => "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
        _ => "UNSIGNED-PAYLOAD",
    };
}
