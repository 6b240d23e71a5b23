namespace Stowage.Bench.S3;

/// <summary>How AWSSDK.S3 4.0 frames and signs an upload's body (measured on the wire, see bench/README.md).</summary>
internal enum SdkPayloadMode
{
    /// <summary>The SDK's default: STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, signed 80 KiB aws-chunks, CRC32 trailer.</summary>
    SignedStreamingCrc32,

    /// <summary>RequestChecksumCalculation WHEN_REQUIRED: STREAMING-AWS4-HMAC-SHA256-PAYLOAD, signed chunks, no checksum.</summary>
    SignedStreaming,

    /// <summary>WHEN_REQUIRED and DisablePayloadSigning: UNSIGNED-PAYLOAD, a plain body, no checksum.</summary>
    Unsigned,
}
