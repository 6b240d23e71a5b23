using Microsoft.Extensions.Configuration;
using Stowage.Server.Hosting;

namespace Stowage.Cli.Commands;

/// <summary>
/// The S3 endpoint URL printed with credentials: <c>--endpoint</c>, else <c>Stowage:S3:PublicEndpoint</c>, else
/// the first of the S3 listener's <c>Stowage:S3:Urls</c> (what <c>serve</c> binds when no <c>--s3-urls</c> is given),
/// else that listener's default. A wildcard listener host (<c>0.0.0.0</c>, <c>*</c>) becomes the loopback address:
/// set PublicEndpoint when clients reach the server by another name.
/// </summary>
internal static class S3Endpoint
{
    public const string PublicEndpointKey = "Stowage:S3:PublicEndpoint";

    // The same key and default as the server's S3 listener.
    public const string UrlsKey = ServeSettings.S3UrlsKey;
    public const string DefaultUrl = ServeSettings.DefaultS3Urls;

    private static readonly string[] WildcardHosts = ["*", "+", "0.0.0.0", "[::]"];

    public static string Resolve(string? explicitEndpoint, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(explicitEndpoint))
        {
            return explicitEndpoint.TrimEnd('/');
        }

        if (configuration[PublicEndpointKey] is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }

        var urls = configuration[UrlsKey] ?? configuration.GetSection(UrlsKey).GetChildren().FirstOrDefault()?.Value;
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return first is null ? DefaultUrl : Reachable(first);
    }

    /// <summary>The configuration the CLI reads besides its options, as <see cref="CliServices"/> builds it.</summary>
    public static IConfiguration LoadConfiguration() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build();

    private static string Reachable(string listenerUrl)
    {
        var url = listenerUrl.TrimEnd('/');
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return url;
        }

        var hostStart = schemeEnd + 3;
        foreach (var wildcard in WildcardHosts)
        {
            if (url.AsSpan(hostStart).StartsWith(wildcard + ":", StringComparison.Ordinal) || url.Length == hostStart + wildcard.Length && url.EndsWith(wildcard, StringComparison.Ordinal))
            {
                return string.Concat(url.AsSpan(0, hostStart), "127.0.0.1", url.AsSpan(hostStart + wildcard.Length));
            }
        }

        return url;
    }
}
