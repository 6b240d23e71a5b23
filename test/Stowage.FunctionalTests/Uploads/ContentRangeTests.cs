using System.Net;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Uploads;

/// <summary>
/// docs/protocols/sessions.md, "Uploading": a malformed Content-Range, or start &gt; end, or end &gt;= total,
/// is 400 invalid_content_range.
/// </summary>
public sealed class ContentRangeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("bytes 0-9")]
    [InlineData("bytes=0-9/10")]
    [InlineData("0-9/10")]
    [InlineData("items 0-9/10")]
    [InlineData("bytes a-9/10")]
    [InlineData("bytes 0-x/10")]
    [InlineData("bytes 0-9/ten")]
    [InlineData("bytes 0-9/*")]
    [InlineData("bytes */10")]
    [InlineData("bytes -1-8/10")]
    [InlineData("bytes 5-4/10")]
    [InlineData("bytes 0-10/10")]
    [InlineData("bytes 0-9/0")]
    [InlineData("bytes 0-99999999999999999999999/10")]
    public async Task Put_Returns400InvalidContentRange_WhenHeaderIsMalformedOrInconsistent(string header)
    {
        var id = await fixture.Client.NewUploadAsync();

        var put = await fixture.Client.PutAsync(id, "scan.e57", new byte[10], header);

        put.ShouldBeError(HttpStatusCode.BadRequest, "invalid_content_range");
        (await fixture.Client.GetFileAsync(id, "scan.e57")).ShouldBeError(HttpStatusCode.NotFound, "file_not_found");
    }

    [Fact]
    public async Task Put_Returns400InvalidContentRange_WhenHeaderIsRepeated()
    {
        var id = await fixture.Client.NewUploadAsync();
        var content = SessionsClient.Octets(new byte[10]);
        content.Headers.TryAddWithoutValidation("Content-Range", ["bytes 0-9/20", "bytes 10-19/20"]).ShouldBeTrue();

        var put = await fixture.Client.PutContentAsync(id, "scan.e57", content);

        put.ShouldBeError(HttpStatusCode.BadRequest, "invalid_content_range");
    }
}
