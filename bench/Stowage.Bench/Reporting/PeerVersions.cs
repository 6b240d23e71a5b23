using System.Text.Json;
using Stowage.Bench.Cli;
using Stowage.Bench.Servers;

namespace Stowage.Bench.Reporting;

/// <summary>Versions of the peers actually run, so a result can be compared with a later one.</summary>
internal static class PeerVersions
{
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(BenchOptions options, CancellationToken ct)
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        versions["nginx"] = await CommandAsync(options.Nginx, "-v", ct);
        versions["node"] = await CommandAsync(options.Node, "--version", ct);
        foreach (var package in new[] { "server", "file-store" })
        {
            var manifest = Path.Combine(options.PeersDir, "node_modules", "@tus", package, "package.json");
            versions[$"@tus/{package}"] = File.Exists(manifest) ? await ManifestVersionAsync(manifest, ct) : "not installed";
        }

        return versions;
    }

    private static async Task<string> ManifestVersionAsync(string manifest, CancellationToken ct)
    {
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(manifest, ct));
        return doc.RootElement.TryGetProperty("version", out var version) ? version.GetString() ?? "?" : "?";
    }

    private static async Task<string> CommandAsync(string command, string flag, CancellationToken ct)
    {
        var line = CommandLine.Parse(command);
        if (!line.Exists())
        {
            return "not installed";
        }

        var result = await CommandRunner.RunAsync(line.With(flag), new Dictionary<string, string>(), TimeSpan.FromSeconds(10), ct);

        // nginx prints its version on stderr.
        return (result.StandardOutput + result.StandardError).Trim();
    }
}
