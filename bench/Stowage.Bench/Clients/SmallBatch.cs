using Stowage.Bench.Data;

namespace Stowage.Bench.Clients;

/// <summary>A batch whose per-file upload is a plain function of the file.</summary>
internal sealed class SmallBatch(string locator, Func<TestFile, CancellationToken, Task> upload) : ISmallBatch
{
    public string Locator { get; } = locator;

    public Task UploadAsync(TestFile file, CancellationToken ct) => upload(file, ct);
}
