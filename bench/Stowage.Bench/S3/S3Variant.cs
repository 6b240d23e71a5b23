using System.Collections.Concurrent;
using Stowage.Bench.Data;

namespace Stowage.Bench.S3;

/// <summary>An S3 client (SDK or awscli) uploading to a store; each upload gets a key of its own.</summary>
internal sealed class S3Variant(string key, string client, IS3Uploader uploader, IS3Store store) : IS3Variant
{
    private readonly ConcurrentQueue<string> uploaded = new();
    private readonly ConcurrentDictionary<string, string?> etags = new(StringComparer.Ordinal);

    public string Key => key;

    public string Client => client;

    public string Server => store.Name;

    public string Describe() => uploader.Describe();

    public int? ServerPid => store.ServerPid;

    public async Task<string> UploadAsync(TestFile file, string tag, CancellationToken ct)
    {
        var objectKey = $"{key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..]}/{tag}/{file.Name}";
        uploaded.Enqueue(objectKey);
        etags[objectKey] = await uploader.UploadAsync(file, store.Bucket, objectKey, ct);
        return objectKey;
    }

    public async Task<string?> VerifyAsync(string locator, TestFile file, CancellationToken ct)
    {
        var stored = await store.VerifyAsync(locator, file, etags.GetValueOrDefault(locator), ct);
        var dash = stored?.LastIndexOf('-') ?? -1;
        return dash > 0 ? $"{stored![(dash + 1)..]} parts" : null;
    }

    public async Task CleanAsync(CancellationToken ct)
    {
        while (uploaded.TryDequeue(out var objectKey))
        {
            await store.CleanAsync(objectKey, ct);
            etags.TryRemove(objectKey, out _);
        }
    }
}
