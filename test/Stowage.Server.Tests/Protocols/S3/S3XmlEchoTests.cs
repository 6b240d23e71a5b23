using Stowage.Core.Errors;
using Stowage.Core.S3;
using Stowage.Server.Protocols.S3;

namespace Stowage.Server.Tests.Protocols.S3;

/// <summary>What a listing may echo: parameters and keys XML 1.0 cannot carry are 400s, unless URL-encoded.</summary>
public sealed class S3XmlEchoTests
{
    [Theory]
    [InlineData("prefix", "\u0000")]
    [InlineData("marker", "a\uffff")]
    [InlineData("start-after", "\ufffe")]
    [InlineData("delimiter", "\u0001")]
    [InlineData("key-marker", "k\u001f")]
    public void Parameter_XmlCannotCarry_Is400NamingIt_UnlessUrlEncoded(string name, string value)
    {
        var failure = S3XmlEcho.Parameter(name, value, urlEncoded: false).ShouldNotBeNull();

        failure.Error.ShouldBe(StowageErrors.InvalidField);
        failure.Details["ArgumentName"].ShouldBe(name);
        failure.Message.ShouldContain("encoding-type=url");
        S3XmlEcho.Parameter(name, value, urlEncoded: true).ShouldBeNull();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Parameter_WithAnUnpairedSurrogate_Is400_EvenUrlEncoded(bool urlEncoded) =>
        S3XmlEcho.Parameter("prefix", "a\ud800", urlEncoded).ShouldNotBeNull().Details["ArgumentName"].ShouldBe("prefix");

    [Fact]
    public void Parameter_Ordinary_IsEchoed() =>
        S3XmlEcho.Parameter("prefix", "photos/\t\r\n é", urlEncoded: false).ShouldBeNull();

    [Fact]
    public void VerbatimParameter_XmlCannotCarry_Is400() =>
        S3XmlEcho.VerbatimParameter("upload-id-marker", "u\u0001").ShouldNotBeNull().Details["ArgumentName"].ShouldBe("upload-id-marker");

    [Fact]
    public void Listed_AKeyStoredBeforeTheRule_Is400AskingForUrlEncoding_ThatListsIt()
    {
        string[] keys = ["plain.txt", "ctrl-\u0001.bin"];

        var failure = S3XmlEcho.Listed(keys, urlEncoded: false).ShouldNotBeNull();

        failure.Error.ShouldBe(StowageErrors.InvalidField);
        failure.Details["ArgumentName"].ShouldBe("encoding-type");
        failure.Message.ShouldContain("'ctrl-%01.bin'");
        S3XmlEcho.Listed(keys, urlEncoded: true).ShouldBeNull();
        S3XmlEcho.Render("dir/ctrl-\u0001 \uffff.bin", urlEncoded: true).ShouldBe("dir/ctrl-%01%20%EF%BF%BF.bin");
    }

    [Fact]
    public void Key_AnswersNamingTheKey_RefuseOneXmlCannotCarry()
    {
        S3XmlEcho.Key("up-\u0002").ShouldNotBeNull().Error.ShouldBe(StowageErrors.InvalidField);
        S3XmlEcho.Key("up-\r\n").ShouldBeNull();
    }
}
