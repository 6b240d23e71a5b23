namespace Stowage.Bench.Cli;

/// <summary>Everything a run can be told; defaults are the workload.</summary>
internal sealed record BenchOptions
{
    public const long MiB = 1024 * 1024;

    /// <summary>Repository root (bench/out and the default Stowage launcher live under it).</summary>
    public required string RepoRoot { get; init; }

    /// <summary>Scratch directory for test data and every server's data dir; run.sh removes it.</summary>
    public required string WorkDir { get; init; }

    /// <summary>
    /// The Stowage command: an executable plus optional leading arguments, e.g.
    /// "/repo/stowage" or "dotnet /repo/src/Stowage.Cli/bin/Release/net10.0/stowage.dll".
    /// </summary>
    public required string StowageCommand { get; init; }

    public bool SkipStowage { get; init; }

    /// <summary>What the report calls the Stowage build under test (run.sh: the commit, "+changes" when src/ differs).</summary>
    public string HeadLabel { get; init; } = "head";

    /// <summary>
    /// A second Stowage command (run.sh --baseline REV builds one at that revision): every Stowage row then runs
    /// for both builds, alternating within each round, and the report prints head / baseline. Null: no A/B.
    /// </summary>
    public string? BaselineCommand { get; init; }

    /// <summary>What the report calls the baseline build, e.g. "e75ae50 (HEAD~1)".</summary>
    public string BaselineLabel { get; init; } = "baseline";

    /// <summary>The build under test and, when given, the baseline, in that order.</summary>
    public IReadOnlyList<StowageBuild> StowageBuilds =>
        BaselineCommand is { } baseline
            ? [new StowageBuild(StowageCommand, HeadLabel, IsBaseline: false), new StowageBuild(baseline, BaselineLabel, IsBaseline: true)]
            : [new StowageBuild(StowageCommand, HeadLabel, IsBaseline: false)];

    public StowageBuild HeadBuild => StowageBuilds[0];

    /// <summary>Directory holding tus-server.mjs and node_modules (bench/.peers).</summary>
    public required string PeersDir { get; init; }

    public string Node { get; init; } = "node";

    public string Nginx { get; init; } = "nginx";

    public string OutDir => Path.Combine(RepoRoot, "bench", "out");

    /// <summary>Measurements per peer and scenario; the best is reported (noise only ever slows a run down).</summary>
    public int Repeat { get; init; } = 3;

    public long BigSize { get; init; } = 1024 * MiB;

    /// <summary>8 MiB: the chunk size of the Sessions API's reference client (seed 004).</summary>
    public int ChunkSize { get; init; } = (int)(8 * MiB);

    public int SmallCount { get; init; } = 2000;

    public int SmallSize { get; init; } = 256 * 1024;

    public int Parallel { get; init; } = 8;

    /// <summary>tus small files: "creation-with-upload" (one request) or "post-patch" (two).</summary>
    public string TusSmallMode { get; init; } = TusModes.CreationWithUpload;

    /// <summary>Peers to run, by family: sink, nginx, tus, stowage.</summary>
    public IReadOnlySet<string> Only { get; init; } = AllFamilies;

    public static IReadOnlySet<string> AllFamilies { get; } = new HashSet<string>(StringComparer.Ordinal) { "sink", "nginx", "tus", "stowage" };

    /// <summary>The S3 scenario (bench/README.md, "S3"): run only when asked, e.g. "--only s3".</summary>
    public const string S3Family = "s3";

    /// <summary>The many-clients scenario (bench/README.md, "Swarm"): run only when asked, e.g. "--only swarm".</summary>
    public const string SwarmFamily = "swarm";

    /// <summary>What --only accepts: the upload scenario's families, the S3 scenario and the swarm.</summary>
    public static IReadOnlySet<string> KnownFamilies { get; } = new HashSet<string>(AllFamilies, StringComparer.Ordinal) { S3Family, SwarmFamily };

    /// <summary>Swarm: concurrent clients, each on a connection of its own.</summary>
    public int SwarmClients { get; init; } = 1000;

    /// <summary>Swarm: how long the clients keep starting chunks, per server.</summary>
    public TimeSpan SwarmDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Swarm: size of every file a client uploads.</summary>
    public int SwarmFileBytes { get; init; } = (int)(4 * MiB);

    /// <summary>Swarm: chunk (Sessions PUT, tus PATCH) size.</summary>
    public int SwarmChunkBytes { get; init; } = 256 * 1024;

    /// <summary>Swarm: Stowage's Durability:Fsync (on, the default a deployment gets).</summary>
    public bool SwarmFsync { get; init; } = true;

    /// <summary>Swarm: completed uploads per server whose SHA-256 is checked after the run.</summary>
    public int SwarmVerify { get; init; } = 16;

    /// <summary>Parts of the upload whose CompleteMultipartUpload the S3 scenario times.</summary>
    public int S3Parts { get; init; } = 1000;

    /// <summary>Size of those parts; below S3's 5 MiB minimum, so that server runs with Stowage:S3:MinPartBytes=1.</summary>
    public long S3SmallPartBytes { get; init; } = 64 * 1024;

    /// <summary>Whether to also time, once, a Complete of as many 5 MiB parts (5 GB sent and read back).</summary>
    public bool S3LargeParts { get; init; } = true;

    /// <summary>awscli v2; Debian's, not the pyenv "aws" on PATH (v1).</summary>
    public string AwsCli { get; init; } = "/usr/bin/aws";

    /// <summary>Hard stop for the whole run; what was measured by then is still reported.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>The 1 GiB file's name; a point-cloud extension Stowage's default allow-list is expected to accept.</summary>
    public string BigName { get; init; } = "scan.e57";

    /// <summary>Small files are camera images.</summary>
    public string SmallExtension { get; init; } = ".jpg";
}
