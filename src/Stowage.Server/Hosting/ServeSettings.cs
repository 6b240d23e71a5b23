namespace Stowage.Server.Hosting;

/// <summary>What <c>stowage serve</c> was asked for; everything else comes from configuration.</summary>
/// <param name="S3Urls">Where the S3 endpoint listens; null takes <c>Stowage:S3:Urls</c> from configuration, else <see cref="DefaultS3Urls"/>.</param>
public sealed record ServeSettings(string DataDirectory, string Urls, string? S3Urls = null)
{
    /// <summary>Loopback only: exposing the server is an explicit operator decision (--urls).</summary>
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>The S3 endpoint's own listener (port 9000, where S3-compatible servers usually answer), loopback only.</summary>
    public const string DefaultS3Urls = "http://127.0.0.1:9000";

    /// <summary>The configuration key of the S3 listener (also read by <c>stowage s3 credentials create</c> for its "endpoint").</summary>
    public const string S3UrlsKey = "Stowage:S3:Urls";
}
