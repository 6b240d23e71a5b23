namespace Stowage.Core.Uploads;

/// <summary>
/// How a copy ended: <see cref="Read"/> bytes of the body were taken, the first of them skipped (they overlapped
/// bytes already held), and <see cref="Written"/> went into the segment.
/// </summary>
internal readonly record struct CopyResult(long Read, long Written, CopyEnd End);
