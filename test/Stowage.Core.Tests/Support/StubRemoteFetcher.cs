using Stowage.Core.Errors;
using Stowage.Core.Processing;

namespace Stowage.Core.Tests.Support;

/// <summary>Serves download links from memory: every link is allowed, and a known one yields its bytes.</summary>
internal sealed class StubRemoteFetcher : IRemoteFetcher
{
    private readonly Dictionary<Uri, (byte[] Content, string? FileName)> _files = [];

    public void Serve(Uri url, byte[] content, string? fileName) => _files[url] = (content, fileName);

    public Task<Failure?> ValidateAsync(Uri url, CancellationToken cancellationToken) => Task.FromResult<Failure?>(null);

    public Task<RemoteFile> OpenAsync(Uri url, CancellationToken cancellationToken) =>
        _files.TryGetValue(url, out var file)
            ? Task.FromResult(new RemoteFile(new MemoryStream(file.Content), file.Content.Length, file.FileName))
            : throw new RemoteFetchException("fetch_not_found", "The remote server answered 404.");
}
