using Stowage.Core.Storage;

namespace Stowage.Core.Uploads;

/// <summary>
/// One file of a session. <see cref="Received"/> is the resume high-water mark: the count of leading
/// bytes that are durable in the segments of <see cref="Object"/> (IBlobStore.OpenSegmentAsync). It only
/// grows, and never exceeds <see cref="Total"/>. Once it reaches the total the segments are composed:
/// a complete file's object exists.
/// </summary>
public sealed record UploadFileRecord(
    string SessionId,
    string Name,
    long Total,
    long Received,
    ObjectRef Object,
    DateTimeOffset Created,
    DateTimeOffset Updated)
{
    public bool Complete => Received == Total;
}
