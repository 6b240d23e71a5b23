using Amazon.Runtime;
using Amazon.S3;

namespace Stowage.Bench.S3;

/// <summary>
/// AWSSDK.S3 clients for Stowage's endpoint (or the null sink), configured as reference/s3-wire says a
/// custom endpoint needs: path style, ServiceURL, AuthenticationRegion us-east-1. One client per payload mode.
/// </summary>
internal static class S3ClientFactory
{
    public const string Region = "us-east-1";

    public static AmazonS3Client Create(Uri endpoint, S3Credentials credentials, SdkPayloadMode mode, PayloadRecorder recorder)
    {
        var url = endpoint.GetLeftPart(UriPartial.Authority);

        // See PlainHttpHandler: DisablePayloadSigning is only allowed with an https ServiceURL.
        if (mode == SdkPayloadMode.Unsigned)
        {
            url = "https" + url[url.IndexOf(':', StringComparison.Ordinal)..];
        }

        var config = new AmazonS3Config
        {
            ServiceURL = url,
            ForcePathStyle = true,
            AuthenticationRegion = Region,

            // A failed request must fail the measurement, not be retried inside it.
            MaxErrorRetry = 0,
            Timeout = TimeSpan.FromMinutes(4),
            RequestChecksumCalculation = mode == SdkPayloadMode.SignedStreamingCrc32
                ? RequestChecksumCalculation.WHEN_SUPPORTED
                : RequestChecksumCalculation.WHEN_REQUIRED,

            // Verification hashes every GET itself (SHA-256 of the whole object).
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            HttpClientFactory = new PlainHttpClientFactory(recorder),
        };
        return new AmazonS3Client(new BasicAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey), config);
    }
}
