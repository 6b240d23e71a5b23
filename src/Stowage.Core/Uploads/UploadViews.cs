using System.IO.Pipelines;

namespace Stowage.Core.Uploads;

/// <summary>POST /uploads answer.</summary>
public sealed record SessionCreated(string UploadId, long ExpiresInSeconds);

/// <summary>
/// A file's progress. <see cref="Ignored"/> is true when the PUT named a file the session already
/// holds with another total: seed 004 says the second file of a name "is ignored", so its body was
/// discarded and this describes the file already held.
/// </summary>
public sealed record FileProgress(string Name, long Received, long Total, bool Complete, bool Ignored = false);

/// <summary>GET /uploads/{id} answer.</summary>
public sealed record SessionView(string UploadId, long ExpiresInSeconds, IReadOnlyList<FileProgress> Files);

/// <summary>
/// What a PUT carries. <see cref="Body"/> is read in place (a server passes its transport's reader,
/// so bytes go from the receive buffers to the disk without a copy); <see cref="Range"/> is the
/// parsed Content-Range (null for a whole-file PUT); <see cref="ContentLength"/> is null when the
/// body is framed by chunked transfer encoding.
/// </summary>
public sealed record UploadBody(PipeReader Body, long? ContentLength, ChunkRange? Range)
{
    /// <summary>How much of a <see cref="Stream"/> body <see cref="FromStream"/> reads at a time.</summary>
    public const int StreamBufferSize = 1 << 20;

    /// <summary>A body that comes as a stream; the stream stays open.</summary>
    public static UploadBody FromStream(Stream body, long? contentLength, ChunkRange? range) =>
        new(PipeReader.Create(body, new StreamPipeReaderOptions(bufferSize: StreamBufferSize, minimumReadSize: StreamBufferSize / 4, leaveOpen: true)), contentLength, range);
}

/// <summary>Content-Range <c>bytes start-end/total</c>, end inclusive (seed 004).</summary>
public readonly record struct ChunkRange(long Start, long End, long Total)
{
    public long Length => End - Start + 1;
}
