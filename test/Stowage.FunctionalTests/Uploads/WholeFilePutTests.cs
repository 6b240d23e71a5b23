using System.Net;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Uploads;

/// <summary>PUT without Content-Range: the body is the whole file (seed 004, "Whole file (one request)").</summary>
public sealed class WholeFilePutTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SessionsClient Client => fixture.Client;

    [Fact]
    public async Task Put_StoresWholeFile_WhenNoContentRange()
    {
        var id = await Client.NewUploadAsync();
        var data = TestData.Bytes(100_000, 10);

        var put = await Client.PutAsync(id, "photo.jpg", data);

        put.ShouldBeProgress(data.Length, data.Length, complete: true);
        (await Client.GetFileAsync(id, "photo.jpg")).ShouldBeProgress(data.Length, data.Length, complete: true);
        File.ReadAllBytes(BlobFiles.SessionFile(fixture.DataDirectory, id, "photo.jpg")).ShouldBeBytes(data);
    }

    [Fact]
    public async Task Put_CreatesEmptyCompleteFile_WhenBodyIsEmpty()
    {
        var id = await Client.NewUploadAsync();

        var put = await Client.PutAsync(id, "empty.txt", []);

        put.ShouldBeProgress(0, 0, complete: true);
        (await Client.GetFileAsync(id, "empty.txt")).ShouldBeProgress(0, 0, complete: true);
    }

    [Fact]
    public async Task Put_Returns411LengthRequired_WhenWholeFileHasNoContentLength()
    {
        var id = await Client.NewUploadAsync();

        var put = await Client.PutContentAsync(id, "photo.jpg", new StreamedContent(TestData.Bytes(500, 11)));

        put.ShouldBeError(HttpStatusCode.LengthRequired, "length_required");
        (await Client.GetFileAsync(id, "photo.jpg")).ShouldBeError(HttpStatusCode.NotFound, "file_not_found");
    }

    [Fact]
    public async Task Put_Returns404_WhenSessionIsUnknown()
    {
        var put = await Client.PutAsync(new string('C', 22), "photo.jpg", [1, 2, 3]);

        put.ShouldBeError(HttpStatusCode.NotFound, "upload_session_not_found");
    }

    [Fact]
    public async Task Put_ReturnsCompleteUnchanged_WhenFileIsAlreadyComplete()
    {
        var id = await Client.NewUploadAsync();
        var original = TestData.Bytes(4096, 12);
        await Client.UploadAsync(id, "scan.e57", original);

        var again = await Client.PutAsync(id, "scan.e57", TestData.Bytes(4096, 13));

        again.ShouldBeProgress(4096, 4096, complete: true);
        File.ReadAllBytes(BlobFiles.SessionFile(fixture.DataDirectory, id, "scan.e57")).ShouldBeBytes(original);
    }

    [Fact]
    public async Task Put_IgnoresSecondFileOfSameName_WhenTotalDiffers()
    {
        var id = await Client.NewUploadAsync();
        var original = TestData.Bytes(3000, 14);
        await Client.UploadAsync(id, "scan.e57", original);

        var second = await Client.PutAsync(id, "scan.e57", TestData.Bytes(1234, 15));

        second.ShouldBeProgress(3000, 3000, complete: true);
        second.Bool("ignored").ShouldBeTrue(second.ToString());
        File.ReadAllBytes(BlobFiles.SessionFile(fixture.DataDirectory, id, "scan.e57")).ShouldBeBytes(original);
        var session = await Client.GetSessionAsync(id);
        session.Property("files").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Put_IgnoresOtherTotal_WhileFirstFileOfThatNameIsIncomplete()
    {
        var id = await Client.NewUploadAsync();
        var first = TestData.Bytes(2000, 16);
        await Client.PutChunkAsync(id, "scan.e57", first, 0, 500);

        var other = await Client.PutAsync(id, "scan.e57", TestData.Bytes(700, 17));

        other.ShouldBeProgress(500, 2000, complete: false);
        other.Bool("ignored").ShouldBeTrue(other.ToString());
        BlobFiles.ReadPrefix(BlobFiles.SessionSegments(fixture.DataDirectory, id, "scan.e57"), 500).ShouldBeBytes(first.AsSpan(0, 500));
        (await Client.PutChunkAsync(id, "scan.e57", first, 500, 1500)).ShouldBeProgress(2000, 2000, complete: true);
        File.ReadAllBytes(BlobFiles.SessionFile(fixture.DataDirectory, id, "scan.e57")).ShouldBeBytes(first);
    }

    [Fact]
    public async Task Put_OmitsIgnoredFlag_OnAnOrdinaryAnswer()
    {
        var id = await Client.NewUploadAsync();

        var put = await Client.PutAsync(id, "a.txt", [1, 2, 3]);

        put.ShouldBeProgress(3, 3, complete: true);
        (put.Has("ignored") && put.Bool("ignored")).ShouldBeFalse(put.ToString());
    }
}
