using Stowage.Core.Storage;

namespace Stowage.Core.S3;

/// <summary>
/// The outcome of recording an object: whether it was recorded, and the blob of the object it replaced
/// (null when none, or when it was the same blob), which is now on the reclaim list.
/// </summary>
public readonly record struct ObjectReplacement(bool Recorded, ObjectRef? Replaced);
