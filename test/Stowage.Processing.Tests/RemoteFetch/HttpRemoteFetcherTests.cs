using System.Net;
using Stowage.Core.Processing;
using Stowage.Processing.RemoteFetch;

namespace Stowage.Processing.Tests.RemoteFetch;

/// <summary>Fetching, names, statuses and redirects, over loopback with private networks allowed.</summary>
public sealed class HttpRemoteFetcherTests : IAsyncDisposable
{
    private readonly TestHttpServer _server = new();
    private readonly HttpRemoteFetcher _fetcher = new(new RemoteFetchOptions { AllowPrivateNetworks = true, MaxRedirects = 2 });

    [Fact]
    public async Task ValidateAsync_AcceptsLoopback_WhenPrivateNetworksAreAllowed() =>
        (await _fetcher.ValidateAsync(_server.Url("/x", "localhost"), CancellationToken.None)).ShouldBeNull();

    [Fact]
    public async Task OpenAsync_StreamsTheBodyByteExact()
    {
        var body = new byte[3 * 1024 * 1024 + 17];
        Random.Shared.NextBytes(body);
        _server.Map("/files/data.bin", new TestResponse(200, body));

        await using var file = await _fetcher.OpenAsync(_server.Url("/files/data.bin"), CancellationToken.None);
        using var copy = new MemoryStream();
        await file.Content.CopyToAsync(copy);

        copy.ToArray().AsSpan().SequenceEqual(body).ShouldBeTrue("the body differs");
        file.Length.ShouldBe(body.Length);
        file.FileName.ShouldBe("data.bin");
    }

    [Fact]
    public async Task OpenAsync_ReportsNoLength_WhenTheServerSendsNone()
    {
        _server.Map("/x", new TestResponse(200, "until close"u8.ToArray(), OmitContentLength: true));

        await using var file = await _fetcher.OpenAsync(_server.Url("/x"), CancellationToken.None);

        file.Length.ShouldBeNull();
        (await new StreamReader(file.Content).ReadToEndAsync()).ShouldBe("until close");
    }

    [Theory]
    [InlineData("attachment; filename*=UTF-8''na%C3%AFve%20scan.e57; filename=\"fallback.e57\"", "naïve scan.e57")]
    [InlineData("attachment; filename=\"scan 1.zip\"", "scan 1.zip")]
    [InlineData("attachment; filename=plain.7z", "plain.7z")]
    [InlineData("attachment; filename=\"../../etc/passwd\"", "../../etc/passwd")] // unsanitized: the caller's policy cleans it
    [InlineData("attachment", "download")]                                     // no name: falls back to the URL
    public async Task OpenAsync_TakesTheNameFromContentDisposition(string disposition, string expected)
    {
        _server.Map("/get/download", new TestResponse(200, [], false, ("Content-Disposition", disposition)));

        await using var file = await _fetcher.OpenAsync(_server.Url("/get/download"), CancellationToken.None);

        file.FileName.ShouldBe(expected);
    }

    [Theory]
    [InlineData("/files/my%20scan%2Bv2.e57?sig=abc", "my scan+v2.e57")]
    [InlineData("/files/folder/", "folder")]
    [InlineData("/", null)]
    public async Task OpenAsync_TakesTheNameFromTheUrl_WithoutContentDisposition(string path, string? expected)
    {
        _server.Map(path, new TestResponse(200, "x"u8.ToArray()));

        await using var file = await _fetcher.OpenAsync(_server.Url(path), CancellationToken.None);

        file.FileName.ShouldBe(expected);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(403)]
    [InlineData(410)]
    public async Task OpenAsync_ThrowsAPermanentRefusal_On4xx(int status)
    {
        _server.Map("/x", new TestResponse(status, []));

        var error = await Should.ThrowAsync<RemoteFetchException>(() => _fetcher.OpenAsync(_server.Url("/x"), CancellationToken.None));

        error.Code.ShouldBe("download_link_unreachable");
        error.Message.ShouldContain(status.ToString());
    }

    [Fact]
    public async Task OpenAsync_ThrowsAPermanentRefusal_WhenThePathIsUnknown()
    {
        var error = await Should.ThrowAsync<RemoteFetchException>(() => _fetcher.OpenAsync(_server.Url("/missing"), CancellationToken.None));

        error.Code.ShouldBe("download_link_unreachable");
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task OpenAsync_ThrowsATransientError_On5xx(int status)
    {
        _server.Map("/x", new TestResponse(status, []));

        var error = await Should.ThrowAsync<HttpRequestException>(() => _fetcher.OpenAsync(_server.Url("/x"), CancellationToken.None));

        error.StatusCode.ShouldBe((HttpStatusCode)status);
    }

    [Fact]
    public async Task OpenAsync_FollowsRelativeAndAbsoluteRedirects_UpToTheLimit()
    {
        _server.Map("/r1", TestResponse.Redirect("/r2", 301));
        _server.Map("/r2", TestResponse.Redirect(_server.Url("/final/file.txt").ToString(), 307));
        _server.Map("/final/file.txt", new TestResponse(200, "arrived"u8.ToArray()));

        await using var file = await _fetcher.OpenAsync(_server.Url("/r1"), CancellationToken.None);

        (await new StreamReader(file.Content).ReadToEndAsync()).ShouldBe("arrived");
        file.FileName.ShouldBe("file.txt");
    }

    [Fact]
    public async Task OpenAsync_Throws_WhenThereAreMoreRedirectsThanAllowed()
    {
        _server.Map("/r1", TestResponse.Redirect("/r2"));
        _server.Map("/r2", TestResponse.Redirect("/r3"));
        _server.Map("/r3", TestResponse.Redirect("/file"));
        _server.Map("/file", new TestResponse(200, "x"u8.ToArray()));

        var error = await Should.ThrowAsync<RemoteFetchException>(() => _fetcher.OpenAsync(_server.Url("/r1"), CancellationToken.None));

        error.Code.ShouldBe("download_link_unreachable");
        _server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task OpenAsync_Throws_WhenARedirectHasNoLocation()
    {
        _server.Map("/r", new TestResponse(302, []));

        var error = await Should.ThrowAsync<RemoteFetchException>(() => _fetcher.OpenAsync(_server.Url("/r"), CancellationToken.None));

        error.Code.ShouldBe("download_link_unreachable");
    }

    [Fact]
    public async Task OpenAsync_RefusesARedirectToAnotherScheme()
    {
        _server.Map("/r", TestResponse.Redirect("file:///etc/passwd"));

        var error = await Should.ThrowAsync<RemoteFetchException>(() => _fetcher.OpenAsync(_server.Url("/r"), CancellationToken.None));

        error.Code.ShouldBe("invalid_download_link");
    }

    [Fact]
    public async Task OpenAsync_ThrowsATransientError_WhenHeadersDoNotArriveInTime()
    {
        using var fetcher = new HttpRemoteFetcher(new RemoteFetchOptions { AllowPrivateNetworks = true, ResponseHeadersTimeout = TimeSpan.FromMilliseconds(200) });
        _server.Map("/slow", new TestResponse(200, []) { Delay = TimeSpan.FromSeconds(10) });

        await Should.ThrowAsync<HttpRequestException>(() => fetcher.OpenAsync(_server.Url("/slow"), CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        _fetcher.Dispose();
        await _server.DisposeAsync();
    }
}
