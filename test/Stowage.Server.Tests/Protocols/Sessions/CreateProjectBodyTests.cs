using Stowage.Server.Protocols.Sessions;
using System.Text;
using Stowage.Core.Errors;
using Stowage.Core.Projects;
using Stowage.Server.Protocols.Sessions.Wire;

namespace Stowage.Server.Tests.Protocols.Sessions;

public sealed class CreateProjectBodyTests
{
    [Fact]
    public void Parse_ReadsEveryField()
    {
        var request = Parse("{\"upload_id\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"title\":\"Caf\\u00e9 \\ud83d\\udcf7\",\"privacy_mode\":2,\"coordinate_system\":\"EPSG:25832\",\"other\":[1]}");

        request.IsSuccess.ShouldBeTrue();
        request.Value.UploadId.ShouldBe("AAAAAAAAAAAAAAAAAAAAAA");
        request.Value.Title.ShouldBe("Café \U0001F4F7");
        request.Value.PrivacyMode.ShouldBe(2);
        request.Value.CoordinateSystem.ShouldBe("EPSG:25832");
        request.Value.DownloadLink.ShouldBeNull();
    }

    [Fact]
    public void Parse_ToleratesAUtf8ByteOrderMark() =>
        CreateProjectBody.Parse((byte[])[0xEF, 0xBB, 0xBF, .. "{\"title\":\"t\"}"u8]).IsSuccess.ShouldBeTrue();

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D })] // {"t":"\xFF"}, an ignored field
    [InlineData(new byte[] { 0x7B, 0x22, 0xC3, 0x22, 0x3A, 0x31, 0x7D })] // {"\xC3":1}, a property name
    [InlineData(new byte[] { 0x7B, 0x22, 0x74, 0x69, 0x74, 0x6C, 0x65, 0x22, 0x3A, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x7D })] // {"title":"<UTF-8 of U+D800>"}
    [InlineData(new byte[] { 0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00 })] // UTF-16 with its byte order mark
    public void Parse_IsInvalidJson_WhenTheBodyIsNotUtf8(byte[] body) =>
        CreateProjectBody.Parse(body).Failure!.Error.ShouldBe(SessionsErrors.InvalidJson);

    [Theory]
    [InlineData("{\"upload_id\":\"\\ud800\"}", "upload_id")]
    [InlineData("{\"download_link\":\"https://x/\\udfff\"}", "download_link")]
    [InlineData("{\"title\":\"a\\udc00\\ud800b\"}", "title")]
    [InlineData("{\"coordinate_system\":\"\\ud83d\"}", "coordinate_system")]
    [InlineData("{\"title\":7}", "title")]
    [InlineData("{\"privacy_mode\":\"1\"}", "privacy_mode")]
    public void Parse_IsInvalidFieldNamingIt_WhenAStringIsNotUnicodeOrAFieldHasTheWrongType(string json, string field)
    {
        var failure = Parse(json).Failure!;

        failure.Error.ShouldBe(StowageErrors.InvalidField);
        failure.Details["field"].ShouldBe(field);
    }

    [Fact]
    public void Parse_IgnoresALoneSurrogateInAFieldItDoesNotRead() =>
        Parse("{\"upload_id\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"note\":\"\\ud800\"}").IsSuccess.ShouldBeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("[1]")]
    [InlineData("{\"a\":")]
    public void Parse_IsInvalidJson_WhenTheBodyIsNotAJsonObject(string json) =>
        Parse(json).Failure!.Error.ShouldBe(SessionsErrors.InvalidJson);

    private static Result<CreateProjectRequest> Parse(string json) => CreateProjectBody.Parse(Encoding.UTF8.GetBytes(json));
}
