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
/// What a PUT carries. <see cref="Range"/> is the parsed Content-Range (null for a whole-file PUT);
/// <see cref="ContentLength"/> is null when the body is framed by chunked transfer encoding.
/// </summary>
public sealed record UploadBody(Stream Body, long? ContentLength, ChunkRange? Range);

/// <summary>Content-Range <c>bytes start-end/total</c>, end inclusive (seed 004).</summary>
public readonly record struct ChunkRange(long Start, long End, long Total)
{
    public long Length => End - Start + 1;
}
