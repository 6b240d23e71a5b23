using Stowage.Bench.Clients;
using Stowage.Bench.Data;
using Stowage.Bench.Running;
using Stowage.Bench.Servers;

namespace Stowage.Bench.Peers;

/// <summary>A server under measurement (or the null sink) and the client that talks to it.</summary>
internal interface IPeer : IAsyncDisposable
{
    /// <summary>Stable identifier used in JSON and ratios, e.g. "stowage-fsync-on".</summary>
    string Key { get; }

    /// <summary>Human name for the table.</summary>
    string Name { get; }

    /// <summary>Key of the null-sink peer that runs the same client: this peer's client ceiling.</summary>
    string CeilingKey { get; }

    IUploadClient Client { get; }

    /// <summary>The workloads this peer is measured on (a peer that would only repeat another's row skips one).</summary>
    IReadOnlyList<Scenario> Scenarios => [Scenario.Big, Scenario.Small];

    /// <summary>Starts the server; throws PeerUnavailableException when it cannot be run here.</summary>
    Task StartAsync(CancellationToken ct);

    Task VerifyBigAsync(UploadedFile uploaded, TestData data, CancellationToken ct);

    Task VerifySmallAsync(ISmallBatch batch, TestData data, CancellationToken ct);

    /// <summary>Removes what earlier measurements stored (keeps disk use and page cache flat).</summary>
    Task CleanAsync(CancellationToken ct);

    /// <summary>The server process started (its descendants' CPU counts too, e.g. nginx's workers); null for the in-process sink.</summary>
    int? ServerPid => null;

    /// <summary>Peak RSS of the serving process; null for the in-process sink.</summary>
    ProcessMemory? PeakMemory();
}
