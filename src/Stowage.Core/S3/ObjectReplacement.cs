using Stowage.Core.Storage;

namespace Stowage.Core.S3;

/// <summary>
/// The outcome of recording an object, and the blob of the object it replaced (null when none, when it was the
/// same blob, or when nothing was recorded), which is on the reclaim list now.
/// </summary>
public readonly record struct ObjectReplacement(ObjectRecordOutcome Outcome, ObjectRef? Replaced)
{
    public bool Recorded => Outcome == ObjectRecordOutcome.Recorded;
}
