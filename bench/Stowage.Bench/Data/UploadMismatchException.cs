namespace Stowage.Bench.Data;

/// <summary>A peer answered but did not store what was sent: the measurement does not count.</summary>
internal sealed class UploadMismatchException(string message) : Exception(message);
