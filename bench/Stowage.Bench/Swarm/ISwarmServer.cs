using Stowage.Bench.Servers;

namespace Stowage.Bench.Swarm;

/// <summary>A server the swarm runs against: started for its run alone, its files removed when disposed.</summary>
internal interface ISwarmServer : IAsyncDisposable
{
    string Name { get; }

    /// <summary>A stable identifier for the JSON, e.g. "stowage", "tus", "stowage@baseline".</summary>
    string Key { get; }

    /// <summary>Starts the server; throws PeerUnavailableException when it cannot be run here.</summary>
    Task StartAsync(CancellationToken ct);

    /// <summary>
    /// The protocol the clients speak to the started server over <paramref name="http"/> (its base address
    /// set by the caller; credentials added here). The warm-up and the run each get their own HttpClient, so
    /// the run never reuses a connection the server closed while idle after the warm-up.
    /// </summary>
    ISwarmProtocol Protocol(HttpClient http);

    /// <summary>For the report, e.g. "Sessions API: POST /api/v1/uploads per file, then PUT 256 KiB…".</summary>
    string Describe();

    Uri BaseAddress { get; }

    int? ServerPid { get; }

    ProcessMemory? PeakMemory();

    /// <summary>After the run: checks the stored bytes of <paramref name="sample"/> (and whatever else is cheap) against the source.</summary>
    Task<SwarmVerification> VerifyAsync(IReadOnlyList<SwarmUpload> completed, IReadOnlyList<SwarmUpload> sample, SwarmSource source, CancellationToken ct);
}
