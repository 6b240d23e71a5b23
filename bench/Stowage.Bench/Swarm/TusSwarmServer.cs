using Stowage.Bench.Cli;
using Stowage.Bench.Peers;
using Stowage.Bench.Servers;

namespace Stowage.Bench.Swarm;

/// <summary>@tus/server + @tus/file-store, the upload scenario's tus peer in a directory of its own.</summary>
internal sealed class TusSwarmServer(BenchOptions options, PidRegistry pids) : ISwarmServer
{
    private readonly TusPeer peer = new(options, pids, instance: "-swarm");

    public string Name => peer.Name;

    public string Key => "tus";

    public Uri BaseAddress => peer.BaseAddress;

    public ISwarmProtocol Protocol(HttpClient http) => new TusSwarmProtocol(http, options.SwarmChunkBytes, SwarmBench.BlockSize);

    public string Describe() => TusSwarmProtocol.Description(options.SwarmChunkBytes);

    public int? ServerPid => peer.ServerPid;

    public Task StartAsync(CancellationToken ct) => peer.StartAsync(ct);

    public ProcessMemory? PeakMemory() => peer.PeakMemory();

    /// <summary>
    /// @tus/file-store keeps an upload's bytes as a plain file named by the last segment of its URL: every
    /// completed upload's size is checked, the sample's SHA-256 too.
    /// </summary>
    public Task<SwarmVerification> VerifyAsync(IReadOnlyList<SwarmUpload> completed, IReadOnlyList<SwarmUpload> sample, SwarmSource source, CancellationToken ct)
    {
        var failures = new List<string>();
        foreach (var upload in completed)
        {
            var path = StoredPath(upload);
            var length = File.Exists(path) ? new FileInfo(path).Length : -1;
            if (length != source.FileBytes)
            {
                failures.Add($"{upload.Name}: {path} holds {length} bytes, expected {source.FileBytes}");
            }
        }

        foreach (var upload in sample)
        {
            ct.ThrowIfCancellationRequested();
            var path = StoredPath(upload);
            if (!File.Exists(path))
            {
                continue; // reported above
            }

            var stored = System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path));
            if (!stored.AsSpan().SequenceEqual(source.Sha256(upload.Number)))
            {
                failures.Add($"{upload.Name}: stored SHA-256 {Convert.ToHexStringLower(stored)} differs from the source's");
            }
        }

        return Task.FromResult(new SwarmVerification("SHA-256 of the stored file on disk", sample.Count, failures) { SizeChecked = completed.Count });
    }

    public async ValueTask DisposeAsync()
    {
        await peer.DisposeAsync();
        SwarmBench.RemoveDirectory(peer.Root);
    }

    private string StoredPath(SwarmUpload upload) => Path.Combine(peer.FilesDir, new Uri(upload.Locator).Segments[^1]);
}
