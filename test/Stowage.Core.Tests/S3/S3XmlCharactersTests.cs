using Stowage.Core.S3;

namespace Stowage.Core.Tests.S3;

/// <summary>
/// The Char production of XML 1.0 (section 2.2), which decides what S3's XML answers can echo. Unpaired surrogates
/// are written &lt;D800&gt; in the data: an attribute stores its strings as UTF-8, which cannot hold them.
/// </summary>
public sealed class S3XmlCharactersTests
{
    [Theory]
    [InlineData("", -1)]
    [InlineData("plain/key.jpg", -1)]
    [InlineData("\t\n\r", -1)]
    [InlineData("\u0020\ud7ff\ue000\ufffd", -1)]
    [InlineData("\U00010000\U0010FFFF", -1)]
    [InlineData("a\u0001", 1)]
    [InlineData("\u0000", 0)]
    [InlineData("ab\u000b", 2)]
    [InlineData("\U0001F600\uffff", 2)]
    [InlineData("\ufffe", 0)]
    [InlineData("a<D800>", 1)]
    [InlineData("a<DC00>b", 1)]
    [InlineData("<DC00><D800>", 0)]
    public void IndexOfUnrepresentable_FindsTheFirstCharacterOutsideTheCharProduction(string value, int expected) =>
        S3XmlCharacters.IndexOfUnrepresentable(Surrogates(value)).ShouldBe(expected);

    [Theory]
    [InlineData("a<D800>", true)]
    [InlineData("<DFFF>", true)]
    [InlineData("\U0001F600", false)]
    [InlineData("\u0001\uffff", false)]
    public void HasUnpairedSurrogate_TellsBrokenUtf16Apart(string value, bool expected) =>
        S3XmlCharacters.HasUnpairedSurrogate(Surrogates(value)).ShouldBe(expected);

    [Theory]
    [InlineData("/bucket/plain", "/bucket/plain")]
    [InlineData("/b/ctrl-\u0001.bin", "/b/ctrl-%01.bin")]
    [InlineData("\u0000\uffff\ufffe", "%00%EF%BF%BF%EF%BF%BE")]
    [InlineData("keep \t\r\n é \U0001F600 %01", "keep \t\r\n é \U0001F600 %01")]
    [InlineData("lone <D800>!", "lone %EF%BF%BD!")]
    public void Printable_PercentEncodesOnlyWhatXml10CannotCarry(string value, string expected) =>
        S3XmlCharacters.Printable(Surrogates(value)).ShouldBe(expected);

    [Fact]
    public void Describe_NamesTheCodeUnit() =>
        S3XmlCharacters.Describe("ab\u001f", 2).ShouldBe("U+001F");

    /// <summary>Replaces each &lt;XXXX&gt; (hex) with that UTF-16 code unit.</summary>
    private static string Surrogates(string value) =>
        System.Text.RegularExpressions.Regex.Replace(value, "<([0-9A-F]{4})>", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
}
