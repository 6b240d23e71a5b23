namespace Stowage.Server.Protocols.S3;

/// <summary>
/// The S3 endpoint has listeners of its own (<c>--s3-urls</c>): S3 owns every path on them, from <c>/</c>
/// (ListBuckets) to <c>/{bucket}/{key}</c>, so it cannot share a port with the Sessions API. Requests are told
/// apart by the local port they arrived on, which is why every S3 URL needs an explicit port of its own.
/// </summary>
internal sealed class S3Listener
{
    private readonly HashSet<int> _ports;

    private S3Listener(IReadOnlyList<string> urls, HashSet<int> ports)
    {
        Urls = urls;
        _ports = ports;
    }

    public IReadOnlyList<string> Urls { get; }

    public bool Owns(HttpContext context) => _ports.Contains(context.Connection.LocalPort);

    /// <summary>Parses ';'-separated URLs; throws <see cref="ArgumentException"/> (parameter "s3Urls") naming the problem.</summary>
    public static S3Listener Parse(string s3Urls, string apiUrls)
    {
        var urls = Split(s3Urls);
        if (urls.Count == 0)
        {
            throw new ArgumentException("--s3-urls is empty: give at least one URL such as http://127.0.0.1:9000.", nameof(s3Urls));
        }

        var apiPorts = Split(apiUrls).Select(u => PortOf(u, s3Urls)).ToHashSet();
        var ports = new HashSet<int>();
        foreach (var url in urls)
        {
            var port = PortOf(url, s3Urls);
            if (port == 0)
            {
                throw new ArgumentException($"S3 URL '{url}' needs an explicit port: the S3 endpoint is recognised by its port.", nameof(s3Urls));
            }

            if (apiPorts.Contains(port))
            {
                throw new ArgumentException($"S3 URL '{url}' uses the same port as --urls; the S3 endpoint needs a port of its own.", nameof(s3Urls));
            }

            ports.Add(port);
        }

        return new S3Listener(urls, ports);
    }

    private static List<string> Split(string urls) =>
        [.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static int PortOf(string url, string s3Urls)
    {
        // Kestrel accepts wildcard hosts (http://*:9000, http://+:9000) that Uri does not parse.
        var normalized = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{url}' is not an http(s) URL.", nameof(s3Urls));
        }

        return uri.Port; // the scheme's default port when none is written; 0 when ":0" asks for any
    }

    public override string ToString() => string.Join(';', Urls);
}
