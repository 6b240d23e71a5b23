using Amazon.Runtime;
using Amazon.S3;

namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>
/// AWSSDK.S3 4.0.104.5 set up the way the capture in shared/reference/s3-wire set it up: the service
/// URL, path-style addressing, SigV4 for us-east-1 and <see cref="SessionAWSCredentials"/> for a
/// temporary credential. Retries are off so a server error reaches the test instead of a second attempt.
/// </summary>
public static class DotNetS3Client
{
    public static AmazonS3Client Create(Uri endpoint, S3Credential credential, bool checksumsWhenRequired = false)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = endpoint.ToString().TrimEnd('/'),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
            Timeout = TimeSpan.FromMinutes(2),
        };
        if (checksumsWhenRequired)
        {
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }

        return new AmazonS3Client(Credentials(credential), config);
    }

    /// <summary>SessionAWSCredentials for a temporary credential (BasicSessionAWSCredentials does not exist in this version).</summary>
    public static AWSCredentials Credentials(S3Credential credential) =>
        credential.SessionToken is { } token
            ? new SessionAWSCredentials(credential.AccessKeyId, credential.SecretAccessKey, token)
            : new BasicAWSCredentials(credential.AccessKeyId, credential.SecretAccessKey);
}
