using System.Globalization;
using System.Net;
using System.Text;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Projects;

/// <summary>
/// POST /projects bodies that are not Unicode (docs/protocols/sessions.md, "Projects"): invalid UTF-8 anywhere is
/// not JSON text (400 invalid_json); a string field holding an escaped lone surrogate is 400 invalid_field naming
/// it. Both answered 500 before. Sent byte for byte over a socket: HttpClient would not send such bodies as given.
/// </summary>
public sealed class CreateProjectEncodingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Id = "AAAAAAAAAAAAAAAAAAAAAA";

    [Theory]
    [InlineData("{\"upload_id\":\"<FF><FE>\"}")]
    [InlineData("{\"upload_id\":\"" + Id + "\",\"title\":\"caf<C3>\"}")]
    [InlineData("{\"upload_id\":\"" + Id + "\",\"coordinate_system\":\"<C0><AF>\"}")]
    [InlineData("{\"upload_id\":\"<ED><A0><80>\"}")]
    [InlineData("{\"upload_id\":\"" + Id + "\",\"<FF>\":1}")]
    [InlineData("{\"download_link\":\"https://example.com/<F8><88><80><80><80>.zip\"}")]
    public async Task Post_Returns400InvalidJson_WhenTheBodyIsNotUtf8(string body)
    {
        var response = await PostAsync(Bytes(body));

        response.ShouldBeError(HttpStatusCode.BadRequest, "invalid_json");
    }

    [Theory]
    [InlineData("{\"upload_id\":\"\\ud800\"}", "upload_id")]
    [InlineData("{\"upload_id\":\"" + Id + "\",\"title\":\"\\udc00 scan\"}", "title")]
    [InlineData("{\"upload_id\":\"" + Id + "\",\"coordinate_system\":\"EPSG:\\udbff\"}", "coordinate_system")]
    [InlineData("{\"download_link\":\"https://example.com/\\ud83d.zip\"}", "download_link")]
    public async Task Post_Returns400InvalidFieldNamingTheField_WhenAStringIsALoneSurrogate(string body, string field)
    {
        var response = await PostAsync(Encoding.ASCII.GetBytes(body));

        response.ShouldBeError(HttpStatusCode.BadRequest, "invalid_field");
        response.String("field").ShouldBe(field);
    }

    [Fact]
    public async Task Post_AcceptsEscapedSurrogatePairsAndLoneSurrogatesInIgnoredFields()
    {
        var id = await fixture.Client.NewUploadAsync();
        await fixture.Client.UploadAsync(id, "a.jpg", [1, 2, 3]);

        var response = await PostAsync(Encoding.ASCII.GetBytes($"{{\"upload_id\":\"{id}\",\"title\":\"scan \\ud83d\\udcf7\",\"vendor_note\":\"\\ud800\"}}"));

        response.ShouldHaveStatus(HttpStatusCode.Created);
        var project = await fixture.Client.WaitForProjectAsync(response.String("name"));
        project.String("title").ShouldBe("scan \U0001F4F7");
    }

    private async Task<ApiResponse> PostAsync(byte[] body)
    {
        var (status, text) = await RawHttp.SendAsync(fixture.Server.Port,
            $"POST /api/v1/projects HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {fixture.Key.Secret}\r\nContent-Type: application/json",
            body);
        using var message = new HttpResponseMessage((HttpStatusCode)status) { Content = new ByteArrayContent([]) };
        return new ApiResponse((HttpStatusCode)status, text, message.Headers, message.Content.Headers);
    }

    /// <summary>The body's bytes: ASCII as written, each <c>&lt;XX&gt;</c> one byte in hex.</summary>
    private static byte[] Bytes(string written)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < written.Length; i++)
        {
            if (written[i] == '<' && i + 3 < written.Length && written[i + 3] == '>'
                && byte.TryParse(written.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 3;
            }
            else
            {
                bytes.Add(checked((byte)written[i]));
            }
        }

        return [.. bytes];
    }
}
