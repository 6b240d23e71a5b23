using System.Text;
using Stowage.Core.Errors;
using Stowage.Core.Tests.Support;
using Stowage.Core.Uploads;

namespace Stowage.Core.Tests.Uploads;

public sealed class FilenamePolicyTests
{
    [Theory]
    [InlineData("scan.e57", "scan.e57")]
    [InlineData("a/b/c.jpg", "abc.jpg")]
    [InlineData("../../etc/passwd", "etcpasswd")]
    [InlineData("..\\..\\windows\\win.ini", "windowswin.ini")]
    [InlineData("/abs/path.jpg", "abspath.jpg")]
    [InlineData("C:\\photos\\1.jpg", "Cphotos1.jpg")]
    [InlineData("a<b>c:d\"e|f?g*h.jpg", "abcdefgh.jpg")]
    [InlineData("x\0y.jpg", "xy.jpg")]
    [InlineData("x\u0001\u001f\u007f\u0085y.jpg", "xy.jpg")]
    [InlineData("line\r\nbreak.jpg", "linebreak.jpg")]
    [InlineData("tab\tname.jpg", "tabname.jpg")]
    [InlineData("\u202Egpj.exe", "gpj.exe")]
    [InlineData("a\u200Bb\u200Dc\uFEFF.jpg", "abc.jpg")]
    [InlineData("\u2066x\u2069.jpg", "x.jpg")]
    [InlineData(".hidden.jpg", "hidden.jpg")]
    [InlineData("...x.jpg", "x.jpg")]
    [InlineData("x.jpg...", "x.jpg")]
    [InlineData("x.jpg. . .", "x.jpg")]
    [InlineData("  x.jpg  ", "x.jpg")]
    [InlineData(" . x.jpg", "x.jpg")]
    [InlineData("my scan (1).e57", "my scan (1).e57")]
    [InlineData("a..b.jpg", "a..b.jpg")]
    [InlineData("Ünïcödé 写真.jpg", "Ünïcödé 写真.jpg")]
    public void Flatten_StripsSeparatorsAndUnsafeCharacters(string raw, string expected) =>
        FilenamePolicy.Flatten(raw).Value.ShouldBe(expected);

    [Fact]
    public void Flatten_NormalizesToNfc_SoNfdAndNfcNameTheSameFile()
    {
        var nfd = FilenamePolicy.Flatten("Cafe\u0301.jpg");
        var nfc = FilenamePolicy.Flatten("Caf\u00e9.jpg");

        nfd.Value.ShouldBe("Caf\u00e9.jpg");
        nfc.Value.ShouldBe(nfd.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("//\\\\")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("...")]
    [InlineData("   ")]
    [InlineData(" . . ")]
    [InlineData("\0")]
    [InlineData("<>:\"|?*")]
    [InlineData("\u202E\u200B")]
    [InlineData("../..")]
    public void Flatten_ReturnsInvalidFilename_WhenNothingUsableIsLeft(string raw) =>
        FilenamePolicy.Flatten(raw).ShouldFailWith(StowageErrors.InvalidFilename);

    [Fact]
    public void Flatten_ReturnsInvalidFilename_ForAnUnpairedSurrogate() =>
        FilenamePolicy.Flatten("bad\uD800.jpg").ShouldFailWith(StowageErrors.InvalidFilename);

    [Fact]
    public void Flatten_Accepts255Bytes_AndRefuses256()
    {
        var exactly = new string('a', 251) + ".jpg";
        var over = new string('a', 252) + ".jpg";

        FilenamePolicy.Flatten(exactly).Value.ShouldBe(exactly);
        FilenamePolicy.Flatten(over).ShouldFailWith(StowageErrors.InvalidFilename);
    }

    [Fact]
    public void Flatten_CountsTheLimitInUtf8Bytes_NotCharacters()
    {
        // 'é' is two UTF-8 bytes, '€' three: both names are far under 255 characters.
        var twoByteFits = new string('é', 125) + "a.jpg";
        var twoByteOver = new string('é', 126) + ".jpg";
        var threeByteFits = new string('€', 83) + "a.jpg";
        var threeByteOver = new string('€', 84) + ".jpg";

        Encoding.UTF8.GetByteCount(twoByteFits).ShouldBe(255);
        FilenamePolicy.Flatten(twoByteFits).Value.ShouldBe(twoByteFits);
        FilenamePolicy.Flatten(twoByteOver).ShouldFailWith(StowageErrors.InvalidFilename);
        Encoding.UTF8.GetByteCount(threeByteFits).ShouldBe(254);
        FilenamePolicy.Flatten(threeByteFits).Value.ShouldBe(threeByteFits);
        FilenamePolicy.Flatten(threeByteOver).ShouldFailWith(StowageErrors.InvalidFilename);
    }

    [Fact]
    public void Flatten_MeasuresTheLimitAfterStripping()
    {
        var raw = new string('/', 100) + new string('a', 251) + ".jpg";

        FilenamePolicy.Flatten(raw).Value.ShouldBe(new string('a', 251) + ".jpg");
    }

    [Fact]
    public void Flatten_MeasuresTheLimitAfterNormalizing()
    {
        // 125 decomposed "é" and "a.jpg" are 380 UTF-8 bytes; composed they are 255.
        var nfd = string.Concat(Enumerable.Repeat("e\u0301", 125)) + "a.jpg";

        Encoding.UTF8.GetByteCount(nfd).ShouldBeGreaterThan(255);
        FilenamePolicy.Flatten(nfd).Value.ShouldBe(new string('\u00e9', 125) + "a.jpg");
    }

    [Theory]
    [InlineData("photo.jpg", "jpg")]
    [InlineData("PHOTO.JPG", "jpg")]
    [InlineData("archive.tar.gz", "gz")]
    [InlineData("a.b.c", "c")]
    [InlineData("README", "")]
    [InlineData("bashrc.", "")]
    [InlineData(".e57", "")]
    public void ExtensionOf_ReturnsTheLowercaseTextAfterTheLastDot(string name, string expected) =>
        FilenamePolicy.ExtensionOf(name).ShouldBe(expected);
}
