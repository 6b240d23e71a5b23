using Stowage.Core.Errors;

namespace Stowage.Core.Processing;

/// <summary>
/// Fetches a project's <c>download_link</c>. Implementations refuse loopback, private and link-local
/// targets (checked on every connection, so DNS rebinding and redirects cannot get around it) unless
/// configuration allows them.
/// </summary>
public interface IRemoteFetcher
{
    /// <summary>Cheap up-front check of a link, before a project is created (scheme, host, resolved addresses).</summary>
    Task<Failure?> ValidateAsync(Uri url, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the remote file. Throws <see cref="RemoteFetchException"/> for anything the remote side or
    /// the SSRF policy refuses; transient network errors surface as <see cref="HttpRequestException"/> or <see cref="IOException"/>.
    /// A fetch may be cut for taking too long or for sending too slowly (docs/operations.md, RemoteFetch): before the
    /// body, as a <see cref="RemoteFetchException"/>; while the body is read, reading <see cref="RemoteFile.Content"/> throws
    /// a <see cref="ProcessingException"/>. Both are permanent: the same link would hold a worker just as long again.
    /// </summary>
    Task<RemoteFile> OpenAsync(Uri url, CancellationToken cancellationToken);
}

/// <summary>An open remote file. <see cref="FileName"/> comes from Content-Disposition or the URL's last segment, unsanitized.</summary>
public sealed record RemoteFile(Stream Content, long? Length, string? FileName) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>A permanent refusal: retrying the same link cannot help.</summary>
public sealed class RemoteFetchException : Exception
{
    public RemoteFetchException(string code, string message) : base(message) => Code = code;

    public RemoteFetchException() : this("fetch_failed", "The download link could not be fetched.") { }

    public RemoteFetchException(string message) : this("fetch_failed", message) { }

    public RemoteFetchException(string message, Exception innerException) : base(message, innerException) => Code = "fetch_failed";

    public RemoteFetchException(string code, string message, Exception innerException) : base(message, innerException) => Code = code;

    public string Code { get; } = "fetch_failed";
}
