using Stowage.Core.Errors;
using Stowage.Core.S3;

namespace Stowage.Core.Tests.S3;

/// <summary>The key rules every S3 write applies (PutObject, CreateMultipartUpload, a temporary credential's scope).</summary>
public sealed class S3ObjectKeysTests
{
    [Theory]
    [InlineData("gallery/ig12345/a3K9.jpg")]
    [InlineData("tab\there")]
    [InlineData("lines\nand\r\nreturns\r")]
    [InlineData("del\u007fand c1 \u0085 controls")]
    [InlineData("private use \ue000 and \ufffd")]
    [InlineData("astral \U0001F600 \U0010FFFF")]
    [InlineData("a/../b")]
    public void Check_AcceptsKeys_ThatXml10CanCarry(string key) =>
        S3ObjectKeys.Check(key).ShouldBeNull();

    [Theory]
    [InlineData("ctrl-\u0001.bin", "U+0001", 6)]
    [InlineData("\u0000", "U+0000", 1)]
    [InlineData("a\u001fb", "U+001F", 2)]
    [InlineData("bell\u0007", "U+0007", 5)]
    [InlineData("x\uffff", "U+FFFF", 2)]
    [InlineData("\ufffe", "U+FFFE", 1)]
    public void Check_RefusesKeys_HoldingACharacterXml10CannotCarry_NamingIt(string key, string character, int position)
    {
        var failure = S3ObjectKeys.Check(key).ShouldNotBeNull();

        failure.Error.ShouldBe(StowageErrors.InvalidField);
        var message = failure.Message;
        message.ShouldContain(character);
        message.ShouldContain($"character {position}");
    }

    [Fact]
    public void Check_RefusesAnUnpairedSurrogate_AsInvalidUnicode()
    {
        var failure = S3ObjectKeys.Check("a\ud800b").ShouldNotBeNull();

        failure.Error.ShouldBe(StowageErrors.InvalidField);
        failure.Message.ShouldContain("valid Unicode");
    }
}
