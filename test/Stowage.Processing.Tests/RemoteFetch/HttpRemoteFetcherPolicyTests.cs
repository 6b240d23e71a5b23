using System.Net;
using Stowage.Core.Errors;
using Stowage.Core.Processing;
using Stowage.Processing.RemoteFetch;

namespace Stowage.Processing.Tests.RemoteFetch;

/// <summary>The SSRF policy: what the fetcher refuses with default options.</summary>
public sealed class HttpRemoteFetcherPolicyTests : IAsyncDisposable
{
    private readonly TestHttpServer _server = new();
    private readonly HttpRemoteFetcher _fetcher = new(new RemoteFetchOptions());

    public HttpRemoteFetcherPolicyTests() => _server.Map("/file.bin", new TestResponse(200, "secret"u8.ToArray()));

    [Fact]
    public async Task ValidateAsync_RefusesLoopback()
    {
        var failure = await _fetcher.ValidateAsync(_server.Url("/file.bin"), CancellationToken.None);

        failure.ShouldNotBeNull().Error.ShouldBe(StowageErrors.DownloadLinkForbidden);
    }

    [Fact]
    public async Task ValidateAsync_RefusesLocalhost()
    {
        var failure = await _fetcher.ValidateAsync(_server.Url("/file.bin", "localhost"), CancellationToken.None);

        failure.ShouldNotBeNull().Error.ShouldBe(StowageErrors.DownloadLinkForbidden);
    }

    [Theory]
    [InlineData("http://[::1]/x")]
    [InlineData("http://[::ffff:127.0.0.1]/x")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("https://10.1.2.3/x")]
    [InlineData("http://0.0.0.0/x")]
    [InlineData("http://2130706433/x")] // 127.0.0.1 written as one number
    [InlineData("http://[fe80::1]/x")]
    public async Task ValidateAsync_RefusesNonPublicAddresses(string url)
    {
        var failure = await _fetcher.ValidateAsync(new Uri(url), CancellationToken.None);

        failure.ShouldNotBeNull().Error.ShouldBe(StowageErrors.DownloadLinkForbidden);
    }

    [Fact]
    public async Task ValidateAsync_AcceptsAPublicAddress() =>
        (await _fetcher.ValidateAsync(new Uri("https://8.8.8.8/scan.e57"), CancellationToken.None)).ShouldBeNull();

    [Theory]
    [InlineData("ftp://example.com/file.zip")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/etc/passwd")] // an absolute file URI on Unix
    [InlineData("mailto:someone@example.com")]
    [InlineData("gopher://example.com/")]
    public async Task BothMethods_RefuseNonHttpSchemes(string url)
    {
        var uri = new Uri(url, UriKind.RelativeOrAbsolute);

        (await _fetcher.ValidateAsync(uri, CancellationToken.None)).ShouldNotBeNull().Error.ShouldBe(StowageErrors.InvalidDownloadLink);
        (await Should.ThrowAsync<RemoteFetchException>(() => _fetcher.OpenAsync(uri, CancellationToken.None))).Code.ShouldBe("invalid_download_link");
    }

    [Fact]
    public async Task BothMethods_RefuseRelativeUrls()
    {
        var uri = new Uri("files/scan.zip", UriKind.Relative);

        (await _fetcher.ValidateAsync(uri, CancellationToken.None)).ShouldNotBeNull().Error.ShouldBe(StowageErrors.InvalidDownloadLink);
        (await Should.ThrowAsync<RemoteFetchException>(() => _fetcher.OpenAsync(uri, CancellationToken.None))).Code.ShouldBe("invalid_download_link");
    }

    [Fact]
    public async Task ValidateAsync_RefusesAHostThatDoesNotResolve()
    {
        using var fetcher = new HttpRemoteFetcher(new RemoteFetchOptions(), (_, _) => Task.FromResult<IPAddress[]>([]), AddressClassifier.IsForbidden);

        var failure = await fetcher.ValidateAsync(new Uri("http://nowhere.invalid/x"), CancellationToken.None);

        failure.ShouldNotBeNull().Error.ShouldBe(StowageErrors.InvalidDownloadLink);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task OpenAsync_RefusesLoopbackWithoutConnecting(string host)
    {
        var error = await Should.ThrowAsync<RemoteFetchException>(() => _fetcher.OpenAsync(_server.Url("/file.bin", host), CancellationToken.None));

        error.Code.ShouldBe("download_link_forbidden");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task OpenAsync_RefusesARedirectToAForbiddenAddress()
    {
        // Only 127.0.0.2 counts as forbidden here, so the first hop to 127.0.0.1 is allowed and answers with the redirect.
        using var fetcher = new HttpRemoteFetcher(new RemoteFetchOptions(), HttpRemoteFetcher.ResolveWithDnsAsync, a => a.Equals(IPAddress.Parse("127.0.0.2")));
        _server.Map("/start", TestResponse.Redirect($"http://127.0.0.2:{_server.Port}/file.bin"));

        var error = await Should.ThrowAsync<RemoteFetchException>(() => fetcher.OpenAsync(_server.Url("/start"), CancellationToken.None));

        error.Code.ShouldBe("download_link_forbidden");
        _server.Requests.Select(r => r.RequestLine).ShouldBe(["GET /start HTTP/1.1"]);
    }

    [Fact]
    public async Task OpenAsync_RefusesAtConnectTime_WhenDnsChangesAfterTheCheck()
    {
        // DNS rebinding: the up-front check sees a public address, the connection would go to loopback.
        var lookups = 0;
        Task<IPAddress[]> Rebinding(string host, CancellationToken _) =>
            Task.FromResult<IPAddress[]>([Interlocked.Increment(ref lookups) == 1 ? IPAddress.Parse("8.8.8.8") : IPAddress.Loopback]);
        using var fetcher = new HttpRemoteFetcher(new RemoteFetchOptions(), Rebinding, AddressClassifier.IsForbidden);

        var error = await Should.ThrowAsync<RemoteFetchException>(() => fetcher.OpenAsync(_server.Url("/file.bin", "rebind.test"), CancellationToken.None));

        error.Code.ShouldBe("download_link_forbidden");
        lookups.ShouldBe(2);
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task OpenAsync_ConnectsToTheAddressItResolvedAndChecked()
    {
        using var fetcher = new HttpRemoteFetcher(
            new RemoteFetchOptions(), (_, _) => Task.FromResult<IPAddress[]>([IPAddress.Loopback]), _ => false);

        await using var file = await fetcher.OpenAsync(_server.Url("/file.bin", "files.test"), CancellationToken.None);

        (await new StreamReader(file.Content).ReadToEndAsync()).ShouldBe("secret");
        _server.Requests.Single().Host.ShouldBe($"files.test:{_server.Port}");
    }

    public async ValueTask DisposeAsync()
    {
        _fetcher.Dispose();
        await _server.DisposeAsync();
    }
}
