namespace Stowage.Core.Uploads;

/// <summary>How many bytes a copy wrote and how it ended.</summary>
internal readonly record struct CopyResult(long Written, CopyEnd End);
