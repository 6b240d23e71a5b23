using Stowage.Bench.Data;

namespace Stowage.Bench.Clients;

/// <summary>Receives the small files of one measurement; called by several workers at once.</summary>
internal interface ISmallBatch
{
    /// <summary>Where the batch landed, so the peer can verify it (a session id, a directory).</summary>
    string Locator { get; }

    Task UploadAsync(TestFile file, CancellationToken ct);
}
