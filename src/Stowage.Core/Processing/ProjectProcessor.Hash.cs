using Stowage.Core.Projects;

namespace Stowage.Core.Processing;

public sealed partial class ProjectProcessor
{
    /// <summary>Reads every file once: checks its length against what was uploaded and records its SHA-256.</summary>
    private async Task<List<ProjectFileRecord>> HashAsync(List<ProjectFileRecord> files, WorkTracker work, CancellationToken cancellationToken)
    {
        var hashed = new List<ProjectFileRecord>(files.Count);
        foreach (var file in files)
        {
            if (file.Sha256 is not null)
            {
                hashed.Add(file); // a previous run, or the download, already hashed it
                continue;
            }

            var source = await blobs.OpenReadAsync(file.Object, 0, cancellationToken).ConfigureAwait(false)
                ?? throw new ProcessingException("file_missing", "The file's bytes are missing from storage.", file.Path);
            string sha;
            await using (var stream = new HashingLimitStream(source, file.Size, "size_mismatch", "The stored file is longer than was uploaded.", file.Path))
            {
                await DrainAsync(stream, work.Hashed, work, cancellationToken).ConfigureAwait(false);
                if (stream.BytesRead != file.Size)
                {
                    throw new ProcessingException("size_mismatch", $"The stored file has {stream.BytesRead} bytes; {file.Size} were uploaded.", file.Path);
                }

                sha = stream.HashHex();
            }

            var updated = file with { Sha256 = sha };
            await RecordAsync(updated, written: null, cancellationToken).ConfigureAwait(false);
            hashed.Add(updated);
        }

        return hashed;
    }

    /// <summary>Reads a stream to its end through one pooled buffer, reporting progress as it goes.</summary>
    private static async Task DrainAsync(Stream stream, Action<long> done, WorkTracker work, CancellationToken cancellationToken)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                done(read);
                await work.ReportAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
