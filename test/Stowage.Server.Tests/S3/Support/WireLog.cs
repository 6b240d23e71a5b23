using System.Globalization;
using System.Runtime.CompilerServices;

namespace Stowage.Server.Tests.S3.Support;

/// <summary>
/// Reads the capture logs of reference/s3-wire (copied to S3/Fixtures): each request's line, headers as
/// received, the time it was handled, and the canonical request and string-to-sign the capture server derived
/// and verified against the real signature (or the SigV2 string-to-sign).
/// </summary>
internal static class WireLog
{
    private const string SolutionFile = "Stowage.slnx";
    private const string Quoted = "   | ";

    private static readonly Lazy<string> FixtureDirectory = new(FindFixtures);

    public static IReadOnlyList<string> Files =>
        [.. Directory.GetFiles(FixtureDirectory.Value, "*.log").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public static IReadOnlyList<WireLogEntry> Read(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(FixtureDirectory.Value, file));
        var entries = new List<WireLogEntry>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("==== #", StringComparison.Ordinal))
            {
                continue;
            }

            // ==== #3 2026-11-21T19:28:38.538759Z client=… thread=…
            var head = lines[i].Split(' ');
            var number = int.Parse(head[1][1..], CultureInfo.InvariantCulture);
            var time = DateTimeOffset.Parse(head[2], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            var requestLine = lines[++i].Split(' ');
            var headers = new List<KeyValuePair<string, string>>();
            while (++i < lines.Length && !lines[i].StartsWith("-- ", StringComparison.Ordinal))
            {
                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                headers.Add(new(lines[i][..colon], lines[i][(colon + 1)..].TrimStart()));
            }

            string? canonicalRequest = null, stringToSign = null, sigV2StringToSign = null;
            for (; i < lines.Length && !lines[i].StartsWith("==== #", StringComparison.Ordinal); i++)
            {
                switch (lines[i])
                {
                    case "-- canonical request:":
                        canonicalRequest = Block(lines, ref i);
                        break;
                    case "-- string to sign:":
                        stringToSign = Block(lines, ref i);
                        break;
                    case "-- sigv2 string to sign:":
                        sigV2StringToSign = Block(lines, ref i);
                        break;
                }
            }

            i--;
            entries.Add(new WireLogEntry(file, number, time, requestLine[0], requestLine[1], headers, canonicalRequest, stringToSign, sigV2StringToSign));
        }

        return entries;
    }

    private static string Block(string[] lines, ref int i)
    {
        var block = new List<string>();
        while (i + 1 < lines.Length && lines[i + 1].StartsWith(Quoted, StringComparison.Ordinal))
        {
            block.Add(lines[++i][Quoted.Length..]);
        }

        return string.Join('\n', block);
    }

    /// <summary>
    /// S3/Fixtures beside this source file (its compile-time path), or found above the test assembly or the
    /// working directory when the build mapped source paths away (builds may put the assembly anywhere, e.g.
    /// under --artifacts-path, so walking up from it alone is not enough).
    /// </summary>
    private static string FindFixtures()
    {
        var beside = Path.Combine(Path.GetDirectoryName(SourceFile())!, "..", "Fixtures");
        if (Directory.Exists(beside))
        {
            return Path.GetFullPath(beside);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                {
                    return Path.Combine(directory.FullName, "test", "Stowage.Server.Tests", "S3", "Fixtures");
                }
            }
        }

        throw new DirectoryNotFoundException($"No S3/Fixtures beside {SourceFile()} and no {SolutionFile} above {AppContext.BaseDirectory}.");
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}

internal sealed record WireLogEntry(
    string File,
    int Number,
    DateTimeOffset Time,
    string Method,
    string Target,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? CanonicalRequest,
    string? StringToSign,
    string? SigV2StringToSign)
{
    public override string ToString() => $"{File} #{Number} {Method} {Target}";
}
