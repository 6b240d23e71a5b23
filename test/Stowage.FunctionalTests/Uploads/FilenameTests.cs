using System.Net;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Uploads;

/// <summary>
/// docs/protocols/sessions.md, "Filenames": the name is percent-decoded once, NFC-normalized, stripped
/// of separators, unsafe and control characters, trimmed; nothing can name a place outside its session.
/// Names are sent exactly as written here (no client-side normalization of the path).
/// </summary>
public sealed class FilenameTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SessionsClient Client => fixture.Client;

    [Theory]
    [InlineData("..%2F..%2Fetc%2Fpasswd.txt", "etcpasswd.txt")]
    [InlineData("a%2Fb.jpg", "ab.jpg")]
    [InlineData("a/b/c.jpg", "abc.jpg")]
    [InlineData("a%5Cb%5Cc.jpg", "abc.jpg")]
    [InlineData("..%5C..%5Cwindows%5Cwin.ini.txt", "windowswin.ini.txt")]
    [InlineData("C%3A%5CUsers%5Cme%5Cscan.e57", "CUsersmescan.e57")]
    [InlineData("x%01%09%0A%0D%1F%7Fy.jpg", "xy.jpg")]
    [InlineData("%E2%80%AEgpj.exe.jpg", "gpj.exe.jpg")]
    [InlineData("x%3C%3E%3A%22%7C%3F%2Ay.jpg", "xy.jpg")]
    [InlineData("...hidden.jpg", "hidden.jpg")]
    [InlineData("%20%20spaced.jpg%20%20", "spaced.jpg")]
    [InlineData("trailing.jpg..", "trailing.jpg")]
    [InlineData("e%CC%81t%C3%A9.jpg", "\u00e9t\u00e9.jpg")]
    [InlineData("plain-name_1.JPG", "plain-name_1.JPG")]
    public async Task Put_FlattensName_AndStoresItInsideTheSession(string sent, string expected)
    {
        var id = await Client.NewUploadAsync();
        var data = TestData.Bytes(64, sent.Length);

        var put = await Client.PutRawAsync(id, sent, data);

        put.ShouldBeProgress(64, 64, complete: true);
        var session = await Client.GetSessionAsync(id);
        session.ShouldHaveStatus(HttpStatusCode.OK);
        session.Property("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ShouldBe([expected]);
        (await Client.GetFileAsync(id, expected)).ShouldBeProgress(64, 64, complete: true);
        (await Client.GetFileRawAsync(id, sent)).ShouldBeProgress(64, 64, complete: true);
        File.ReadAllBytes(BlobFiles.SessionFile(fixture.DataDirectory, id, expected)).ShouldBeBytes(data);
        AssertNothingOutsideTheStore();
    }

    [Fact]
    public async Task Put_FlattensTraversalToAFlatNameWithoutExtension()
    {
        var id = await Client.NewUploadAsync();

        var put = await Client.PutRawAsync(id, "..%2F..%2Fetc%2Fpasswd", [1, 2, 3]);

        // "etcpasswd" has no extension, so the allow-list refuses it: proof it was read as one flat name.
        put.ShouldBeError(HttpStatusCode.UnsupportedMediaType, "extension_not_allowed");
        put.String("extension").ShouldBe(string.Empty);
        AssertNothingOutsideTheStore();
    }

    [Theory]
    [InlineData("%2F%2F")]
    [InlineData("...")]
    [InlineData("%20%20")]
    [InlineData("%E2%80%AE")]
    [InlineData("%5C%3A%2A")]
    public async Task Put_Returns400InvalidFilename_WhenNothingIsLeftAfterFlattening(string sent)
    {
        var id = await Client.NewUploadAsync();

        var put = await Client.PutRawAsync(id, sent, [1, 2, 3]);

        put.ShouldBeError(HttpStatusCode.BadRequest, "invalid_filename");
        (await Client.GetSessionAsync(id)).Property("files").GetArrayLength().ShouldBe(0);
    }

    /// <summary>
    /// Escapes that are not UTF-8 name no Unicode text (docs/protocols/sessions.md, "Filenames"). Kept as the
    /// literal "%FF.jpg" they would alias the name <c>%25FF.jpg</c>, so they are refused, on PUT and on GET.
    /// </summary>
    [Theory]
    [InlineData("%FF.jpg")]
    [InlineData("a%ED%A0%80.jpg")]
    [InlineData("caf%C3.jpg")]
    [InlineData("%C0%AF.jpg")]
    [InlineData("%F4%90%80%80.jpg")]
    public async Task Put_Returns400InvalidFilename_WhenEscapesAreNotUtf8(string sent)
    {
        var id = await Client.NewUploadAsync();

        var put = await Client.PutRawAsync(id, sent, [1, 2, 3]);

        put.ShouldBeError(HttpStatusCode.BadRequest, "invalid_filename");
        (await Client.GetFileRawAsync(id, sent)).ShouldBeError(HttpStatusCode.BadRequest, "invalid_filename");
        (await Client.GetSessionAsync(id)).Property("files").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Put_KeepsAnEncodedPercent_AsAPercentInTheName()
    {
        var id = await Client.NewUploadAsync();

        var put = await Client.PutRawAsync(id, "%25FF.jpg", [1, 2, 3]);

        put.ShouldBeProgress(3, 3, complete: true);
        (await Client.GetSessionAsync(id)).Property("files")[0].GetProperty("name").GetString().ShouldBe("%FF.jpg");
    }

    /// <summary>
    /// Kestrel refuses an encoded NUL anywhere in a request path with a bare 400 before any endpoint
    /// runs (docs/protocols/sessions.md, "Filenames"); the name can never hold a NUL.
    /// </summary>
    [Theory]
    [InlineData("x%00y.jpg")]
    [InlineData("%00")]
    public async Task Put_IsRefusedByTheHttpServer_WhenThePathHoldsAnEncodedNul(string sent)
    {
        var id = await Client.NewUploadAsync();

        var put = await Client.PutRawAsync(id, sent, [1, 2, 3]);

        put.Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Client.GetSessionAsync(id)).Property("files").GetArrayLength().ShouldBe(0);
        AssertNothingOutsideTheStore();
    }

    [Fact]
    public async Task Put_Returns400InvalidFilename_WhenNameIsOver255Utf8Bytes()
    {
        var id = await Client.NewUploadAsync();
        var ascii = new string('a', 252) + ".jpg";
        var accented = string.Concat(Enumerable.Repeat("\u00e9", 126)) + ".jpg";

        (await Client.PutAsync(id, ascii, [1])).ShouldBeError(HttpStatusCode.BadRequest, "invalid_filename");
        (await Client.PutAsync(id, accented, [1])).ShouldBeError(HttpStatusCode.BadRequest, "invalid_filename");
        (await Client.GetFileAsync(id, ascii)).ShouldBeError(HttpStatusCode.BadRequest, "invalid_filename");
    }

    [Fact]
    public async Task Put_AcceptsNameOfExactly255Utf8Bytes()
    {
        var id = await Client.NewUploadAsync();
        var name = new string('a', 251) + ".jpg";

        var put = await Client.PutAsync(id, name, [1, 2]);

        put.ShouldBeProgress(2, 2, complete: true);
        (await Client.GetSessionAsync(id)).Property("files")[0].GetProperty("name").GetString().ShouldBe(name);
    }

    /// <summary>Every file of the data directory is the database, the lock or a blob under blobs/.</summary>
    private void AssertNothingOutsideTheStore()
    {
        var root = fixture.DataDirectory;
        var blobs = Path.Combine(root, "blobs") + Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var inBlobs = file.StartsWith(blobs, StringComparison.Ordinal);
            var topLevel = Path.GetDirectoryName(file) == root;
            (inBlobs || topLevel).ShouldBeTrue($"{file} is outside the blob store");
        }

        Directory.Exists(Path.Combine(root, "etc")).ShouldBeFalse();
        Directory.Exists(Path.Combine(Path.GetDirectoryName(root)!, "etc", "passwd.txt")).ShouldBeFalse();
    }
}
