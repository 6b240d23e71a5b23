using Stowage.Core.Storage;

namespace Stowage.Core.Tests.Support;

/// <summary>Reads a whole object back from a blob store.</summary>
internal static class BlobBytes
{
    /// <summary>The object's bytes, or null when it does not exist.</summary>
    public static async Task<byte[]?> ReadAsync(IBlobStore blobs, ObjectRef obj, CancellationToken cancellationToken)
    {
        var stream = await blobs.OpenReadAsync(obj, 0, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken);
            return copy.ToArray();
        }
    }
}
