using System.Globalization;

namespace Stowage.Bench.Cli;

/// <summary>"--name value" pairs and a few flags; small enough not to need a parser package.</summary>
internal static class OptionsParser
{
    public const string Usage = """
        Stowage.Bench --repo DIR --work DIR --peers DIR [options]
          --stowage CMD          Stowage command (default: <repo>/stowage); may include leading args
          --skip-stowage         measure only the peers and the client ceiling
          --only LIST            comma list of: sink,nginx,tus,stowage (default: all), and s3, swarm (only when named)
          --head-label TEXT      what the report calls the Stowage build under test (default "head")
          --baseline-stowage CMD a second Stowage command: every Stowage row runs for both, head / baseline reported
                                 (run.sh --baseline REV builds one at a git revision and passes it here)
          --baseline-label TEXT  what the report calls the baseline build (default "baseline")
          --repeat N             measurements per peer and scenario, best reported (default 3)
          --big-mib N            size of the big file in MiB (default 1024)
          --chunk-mib N          chunk size for chunked protocols (default 8)
          --small-count N        number of small files (default 2000)
          --small-kib N          size of each small file in KiB (default 256)
          --parallel N           parallel clients for small files (default 8)
          --tus-small MODE       creation-with-upload | post-patch (default creation-with-upload)
          --deadline-min N       hard stop for the whole run (default 20)
          --node PATH  --nginx PATH
          S3 scenario (--only s3):
          --s3-parts N           parts of the upload whose Complete is timed (default 1000)
          --s3-part-kib N        their size in KiB (default 64)
          --s3-skip-large-parts  do not also time a Complete of N x 5 MiB parts (sends and reads back 5 GB)
          --aws PATH             awscli v2 (default /usr/bin/aws)
          Swarm scenario (--only swarm):
          --clients N            concurrent clients (default 1000, at most 5000)
          --seconds N            how long they upload, per server (default 60, at most 600)
          --swarm-file-kib N     size of each file (default 4096)
          --swarm-chunk-kib N    chunk size, Sessions PUT and tus PATCH (default 256)
          --swarm-fsync on|off   Stowage's Durability:Fsync in the swarm (default on)
          --swarm-verify N       completed uploads per server whose SHA-256 is checked (default 16)
        """;

    public static BenchOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var skipStowage = false;
        var skipLargeParts = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--skip-stowage")
            {
                skipStowage = true;
                continue;
            }

            if (arg == "--s3-skip-large-parts")
            {
                skipLargeParts = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                error = $"unexpected argument '{arg}'";
                return null;
            }

            values[arg[2..]] = args[++i];
        }

        if (!values.TryGetValue("repo", out var repo) || !values.TryGetValue("work", out var work) || !values.TryGetValue("peers", out var peers))
        {
            error = "--repo, --work and --peers are required";
            return null;
        }

        try
        {
            return new BenchOptions
            {
                RepoRoot = Path.GetFullPath(repo),
                WorkDir = Path.GetFullPath(work),
                PeersDir = Path.GetFullPath(peers),
                StowageCommand = Get(values, "stowage") ?? Path.Combine(Path.GetFullPath(repo), "stowage"),
                SkipStowage = skipStowage,
                Node = Get(values, "node") ?? "node",
                Nginx = Get(values, "nginx") ?? "nginx",
                Repeat = Int(values, "repeat", 3, 1, 10),
                BigSize = Int(values, "big-mib", 1024, 1, 16384) * BenchOptions.MiB,
                ChunkSize = (int)(Int(values, "chunk-mib", 8, 1, 256) * BenchOptions.MiB),
                SmallCount = Int(values, "small-count", 2000, 1, 100_000),
                SmallSize = Int(values, "small-kib", 256, 1, 65536) * 1024,
                Parallel = Int(values, "parallel", 8, 1, 64),
                TusSmallMode = TusMode(Get(values, "tus-small")),
                Deadline = TimeSpan.FromMinutes(Int(values, "deadline-min", 20, 1, 120)),
                S3Parts = Int(values, "s3-parts", 1000, 2, 10_000),
                S3SmallPartBytes = Int(values, "s3-part-kib", 64, 1, 5 * 1024) * 1024L,
                S3LargeParts = !skipLargeParts,
                AwsCli = Get(values, "aws") ?? "/usr/bin/aws",
                Only = Families(Get(values, "only"), skipStowage),
                HeadLabel = Get(values, "head-label") ?? "head",
                BaselineCommand = Get(values, "baseline-stowage"),
                BaselineLabel = Get(values, "baseline-label") ?? "baseline",
                SwarmClients = Int(values, "clients", 1000, 1, 5000),
                SwarmDuration = TimeSpan.FromSeconds(Int(values, "seconds", 60, 1, 600)),
                SwarmFileBytes = Int(values, "swarm-file-kib", 4096, 1, 256 * 1024) * 1024,
                SwarmChunkBytes = Int(values, "swarm-chunk-kib", 256, 1, 64 * 1024) * 1024,
                SwarmFsync = OnOff(Get(values, "swarm-fsync"), "swarm-fsync", fallback: true),
                SwarmVerify = Int(values, "swarm-verify", 16, 0, 1000),
            };
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    private static string? Get(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    private static int Int(Dictionary<string, string> values, string name, int fallback, int min, int max)
    {
        if (Get(values, name) is not { } text)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new FormatException($"--{name} must be an integer in [{min}, {max}]");
        }

        return value;
    }

    /// <summary>The --only list; --skip-stowage takes "stowage" out of it (the other scenarios then run without Stowage).</summary>
    private static HashSet<string> Families(string? only, bool skipStowage)
    {
        var families = only is null
            ? new HashSet<string>(BenchOptions.AllFamilies, StringComparer.Ordinal)
            : only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (skipStowage)
        {
            families.Remove("stowage");
        }

        return families;
    }

    private static bool OnOff(string? text, string name, bool fallback) => text switch
    {
        null => fallback,
        "on" or "true" => true,
        "off" or "false" => false,
        _ => throw new FormatException($"--{name} must be on or off"),
    };

    private static string TusMode(string? text) => text switch
    {
        null or TusModes.CreationWithUpload => TusModes.CreationWithUpload,
        TusModes.PostPatch => TusModes.PostPatch,
        _ => throw new FormatException($"--tus-small must be {TusModes.CreationWithUpload} or {TusModes.PostPatch}"),
    };
}
