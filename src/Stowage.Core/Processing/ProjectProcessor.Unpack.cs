using Stowage.Core.Projects;
using Stowage.Core.Storage;
using Stowage.Core.Uploads;

namespace Stowage.Core.Processing;

public sealed partial class ProjectProcessor
{
    /// <summary>
    /// Unpacks the project's single archive into it. Guards (issue "Processing"): unsafe entry paths
    /// fail the project; entry count, total unpacked bytes and the unpacked-to-packed ratio are capped,
    /// counted on bytes actually written, never on sizes the archive declares.
    /// </summary>
    private async Task UnpackAsync(ProjectRecord project, ProjectFileRecord archive, IArchiveFormat format, WorkTracker work, CancellationToken cancellationToken)
    {
        var options = processingOptions.Value;
        var cap = options.MaxExpansionRatio > 0
            ? Math.Min(options.MaxExpandedBytes, (long)Math.Min(long.MaxValue / 2, Math.Max(archive.Size, 1) * options.MaxExpansionRatio))
            : options.MaxExpandedBytes;

        // A retry starts the unpacking over: entries of an interrupted run go first, bytes and records.
        await DiscardExtractedAsync(project.Name, cancellationToken).ConfigureAwait(false);
        try
        {
            await UnpackEntriesAsync(project, archive, format, work, cap, cancellationToken).ConfigureAwait(false);
        }
        catch (ProcessingException)
        {
            // A refused archive (a bomb, an unsafe path, a corrupt entry) leaves nothing of itself behind.
            await DiscardExtractedAsync(project.Name, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Deletes every unpacked entry of the project: its bytes, then its record.</summary>
    private async Task DiscardExtractedAsync(string projectName, CancellationToken cancellationToken)
    {
        var files = await projects.ListProjectFilesAsync(projectName, cancellationToken).ConfigureAwait(false);
        foreach (var file in files.Where(f => f.Kind == ProjectFileKind.Extracted))
        {
            await blobs.DeleteAsync(file.Object, cancellationToken).ConfigureAwait(false);
        }

        await projects.DeleteProjectFilesAsync(projectName, ProjectFileKind.Extracted, cancellationToken).ConfigureAwait(false);
    }

    private async Task UnpackEntriesAsync(ProjectRecord project, ProjectFileRecord archive, IArchiveFormat format, WorkTracker work, long cap, CancellationToken cancellationToken)
    {
        var options = processingOptions.Value;
        // Read where it is stored: the blob store's stream is seekable, as zip and 7z need (no local copy).
        var stored = await blobs.OpenReadAsync(archive.Object, 0, cancellationToken).ConfigureAwait(false)
            ?? throw new ProcessingException("file_missing", "The file's bytes are missing from storage.", archive.Path);
        using var reader = OpenArchive(format, stored, archive.Path);
        long expanded = 0;
        var entries = 0;
        while (Advance(reader, archive.Path))
        {
            if (++entries > options.MaxArchiveEntries)
            {
                throw new ProcessingException("archive_too_many_entries", $"The archive has more than {options.MaxArchiveEntries} entries.", archive.Path);
            }

            var entry = reader.Current;
            var path = ArchivePaths.Sanitize(entry.Name)
                ?? throw new ProcessingException("archive_unsafe_path", $"The archive entry '{entry.Name}' points outside the project.", archive.Path);
            if (entry.Type != ArchiveEntryType.File || path.Length == 0)
            {
                continue; // directories are implied by paths; links and devices are never unpacked
            }

            var written = await UnpackEntryAsync(project, archive, reader, path, cap - expanded, cancellationToken).ConfigureAwait(false);
            expanded += written;
            work.Unpacking(reader.PackedBytesConsumed, archive.Size);
            await work.ReportAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<long> UnpackEntryAsync(ProjectRecord project, ProjectFileRecord archive, IArchiveReader reader, string path, long budget, CancellationToken cancellationToken)
    {
        // An entry named like the archive itself must not replace the archive's record.
        var listedPath = path == archive.Path ? path + " (unpacked)" : path;
        var target = new ObjectRef(uploadOptions.Value.Bucket, ObjectKeys.ExtractedFile(project.Name, path));
        long size;
        string sha;
        try
        {
            await using var stream = new HashingLimitStream(reader.OpenCurrent(), budget, "archive_too_large",
                "The archive unpacks to more bytes than this server accepts (size or expansion-ratio cap).", archive.Path);
            await blobs.PutAsync(target, stream, _durable, cancellationToken).ConfigureAwait(false);
            (size, sha) = (stream.BytesRead, stream.HashHex());
        }
        catch (InvalidDataException ex)
        {
            throw new ProcessingException("archive_corrupt", $"The archive could not be read: {ex.Message}", archive.Path);
        }

        await RecordAsync(new ProjectFileRecord(project.Name, listedPath, ProjectFileKind.Extracted, size, sha, target, archive.Path), target, cancellationToken).ConfigureAwait(false);
        return size;
    }
    /// <summary>Opens the archive; the reader owns <paramref name="stored"/>, which is disposed here if opening fails.</summary>
    private static IArchiveReader OpenArchive(IArchiveFormat format, Stream stored, string archiveName)
    {
        try
        {
            return format.Open(stored);
        }
        catch (Exception ex) when (ex is ArchiveTooManyEntriesException or InvalidDataException or PlatformNotSupportedException)
        {
            stored.Dispose();
            throw ex switch
            {
                ArchiveTooManyEntriesException => new ProcessingException("archive_too_many_entries", ex.Message, archiveName),
                InvalidDataException => new ProcessingException("archive_corrupt", $"The archive could not be read: {ex.Message}", archiveName),
                _ => new ProcessingException("archive_format_unsupported", ex.Message, archiveName),
            };
        }
        catch
        {
            stored.Dispose();
            throw;
        }
    }

    private static bool Advance(IArchiveReader reader, string archiveName)
    {
        try
        {
            return reader.MoveNext();
        }
        catch (InvalidDataException ex)
        {
            throw new ProcessingException("archive_corrupt", $"The archive could not be read: {ex.Message}", archiveName);
        }
    }
}
