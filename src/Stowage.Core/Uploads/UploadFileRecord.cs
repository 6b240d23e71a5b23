using Stowage.Core.Storage;

namespace Stowage.Core.Uploads;

/// <summary>
/// One file of a session. <see cref="Received"/> is the resume high-water mark: the count of leading
/// bytes that are durable in <see cref="Object"/>. It only grows, and never exceeds <see cref="Total"/>.
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
