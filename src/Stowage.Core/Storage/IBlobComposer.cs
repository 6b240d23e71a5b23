namespace Stowage.Core.Storage;

/// <summary>
/// Optional ability of a blob store: multipart uploads. Parts are stored beside the target, invisible
/// to readers of the target, and become one object on <see cref="ComposeAsync"/> without their bytes
/// being copied where the backend can avoid it (a file-system store links the part files into a
/// composite object; an S3 store completes a native multipart upload).
/// </summary>
public interface IBlobComposer
{
    /// <summary>
    /// Writes one part atomically, replacing an earlier part of the same number. The content stream may
    /// throw (a failed checksum, a bad chunk signature): then nothing of this part is kept and an earlier
    /// part of that number stays as it was.
    /// </summary>
    Task PutPartAsync(ObjectRef target, string uploadId, int partNumber, Stream content, bool durable, CancellationToken cancellationToken);

    /// <summary>
    /// Makes <paramref name="target"/> the concatenation of the listed parts, in the order given, replacing
    /// an existing object atomically (readers see the old object or the new one). Parts not listed are
    /// deleted. Throws <see cref="FileNotFoundException"/> when a listed part is missing, leaving the target as it was.
    /// </summary>
    Task ComposeAsync(ObjectRef target, string uploadId, IReadOnlyList<int> partNumbers, bool durable, CancellationToken cancellationToken);

    /// <summary>Deletes every stored part of the upload. Idempotent.</summary>
    Task AbortAsync(ObjectRef target, string uploadId, CancellationToken cancellationToken);
}
