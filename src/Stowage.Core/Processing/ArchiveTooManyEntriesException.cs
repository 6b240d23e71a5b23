namespace Stowage.Core.Processing;

/// <summary>
/// An archive declares more entries than the server unpacks, found before reading them: the project
/// fails with archive_too_many_entries, as when the count is exceeded while unpacking.
/// </summary>
public sealed class ArchiveTooManyEntriesException : Exception
{
    public ArchiveTooManyEntriesException(long declared, int limit)
        : base($"The archive declares {declared} entries; the limit is {limit}.")
    {
        Declared = declared;
        Limit = limit;
    }

    public ArchiveTooManyEntriesException() : this(0, 0) { }

    public ArchiveTooManyEntriesException(string message) : base(message) { }

    public ArchiveTooManyEntriesException(string message, Exception innerException) : base(message, innerException) { }

    public long Declared { get; }

    public int Limit { get; }
}
