using Stowage.Core.S3.Signing;

namespace Stowage.Core.Tests.S3.Signing;

/// <summary>
/// The credentials and scope of AWS's published SigV4 examples for S3
/// (docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html, sigv4-query-string-auth.html,
/// sigv4-streaming.html): bucket examplebucket, 24 May 2013, us-east-1.
/// </summary>
internal static class AwsExamples
{
    public const string AccessKeyId = "AKIAIOSFODNN7EXAMPLE";
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public const string Timestamp = "20130524T000000Z";

    public static readonly SigV4Scope Scope = new("20130524", "us-east-1", "s3");

    public static readonly DateTimeOffset Time = new(2013, 5, 24, 0, 0, 0, TimeSpan.Zero);
}
