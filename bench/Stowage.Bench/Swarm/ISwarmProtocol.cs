using Microsoft.Win32.SafeHandles;

namespace Stowage.Bench.Swarm;

/// <summary>How one swarm client creates an upload and sends its chunks; every failure is a <see cref="SwarmFailure"/>.</summary>
internal interface ISwarmProtocol
{
    /// <summary>For the report, e.g. "Sessions API: POST /api/v1/uploads, then PUT 256 KiB Content-Range chunks".</summary>
    string Describe();

    /// <summary>Creates an upload of <paramref name="length"/> bytes named <paramref name="name"/>; returns where it lives.</summary>
    Task<string> CreateAsync(string name, long length, CancellationToken ct);

    /// <summary>
    /// Sends bytes [<paramref name="fileOffset"/>, +<paramref name="length"/>) of the upload, read from
    /// <paramref name="source"/> at <paramref name="sourceOffset"/>, and checks the server's answer.
    /// </summary>
    Task SendChunkAsync(string locator, string name, SafeFileHandle source, long sourceOffset, long fileOffset, int length, long total, CancellationToken ct);
}
