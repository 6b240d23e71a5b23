using Stowage.Bench.Data;

namespace Stowage.Bench.S3;

/// <summary>Fails a measurement whose PUTs did not all use the payload mode it is labelled with.</summary>
internal static class PayloadModeCheck
{
    public static void Expect(PayloadRecorder recorder, SdkPayloadMode mode, string what)
    {
        var sent = recorder.Take();
        var expected = SdkPayloadModes.ContentSha256(mode);
        if (sent.Count != 1 || sent[0] != expected)
        {
            throw new UploadMismatchException($"{what}: the SDK sent x-amz-content-sha256 [{string.Join(", ", sent)}], expected only {expected}");
        }
    }
}
