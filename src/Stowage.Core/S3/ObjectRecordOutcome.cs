namespace Stowage.Core.S3;

/// <summary>Whether a record (an object's, a part's) was written, and if not, why.</summary>
public enum ObjectRecordOutcome
{
    Recorded,

    /// <summary>The multipart upload being completed, or given a part, is gone (completed or aborted meanwhile).</summary>
    UploadGone,

    /// <summary>The bucket's account would hold more than the quota it was given.</summary>
    QuotaExceeded,
}
