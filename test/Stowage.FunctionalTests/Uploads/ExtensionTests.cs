using System.Net;
using System.Text.Json;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Uploads;

/// <summary>Seed 004: "A disallowed file returns 415 with the full allowed list."</summary>
public sealed class ExtensionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SessionsClient Client => fixture.Client;

    [Theory]
    [InlineData("virus.exe", "exe")]
    [InlineData("script.sh", "sh")]
    [InlineData("archive.tar.gz", "gz")]
    [InlineData("README", "")]
    public async Task Put_Returns415WithExtensionAndAllowedList_WhenExtensionIsNotAllowed(string name, string extension)
    {
        var id = await Client.NewUploadAsync();

        var put = await Client.PutAsync(id, name, [1, 2, 3]);

        put.ShouldBeError(HttpStatusCode.UnsupportedMediaType, "extension_not_allowed");
        put.String("extension").ShouldBe(extension);
        var allowed = put.Property("allowed");
        allowed.ValueKind.ShouldBe(JsonValueKind.Array);
        var list = allowed.EnumerateArray().Select(e => e.GetString()).ToList();
        list.ShouldContain("jpg");
        list.ShouldContain("e57");
        list.ShouldContain("ifc");
        list.ShouldContain("zip");
        list.ShouldContain("7z");
        list.ShouldNotContain(extension);
        (await Client.GetSessionAsync(id)).Property("files").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("PHOTO.JPG")]
    [InlineData("Scan.E57")]
    [InlineData("model.IfC")]
    [InlineData("weird.name.with.dots.laz")]
    public async Task Put_MatchesExtensionCaseInsensitivelyOnTheLastDot(string name)
    {
        var id = await Client.NewUploadAsync();

        var put = await Client.PutAsync(id, name, [1, 2, 3]);

        put.ShouldBeProgress(3, 3, complete: true);
    }
}
