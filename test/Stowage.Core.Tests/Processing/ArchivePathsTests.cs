using Stowage.Core.Processing;

namespace Stowage.Core.Tests.Processing;

public sealed class ArchivePathsTests
{
    [Theory]
    [InlineData("a.txt", "a.txt")]
    [InlineData("dir/sub/f.jpg", "dir/sub/f.jpg")]
    [InlineData("dir\\sub\\f.jpg", "dir/sub/f.jpg")]
    [InlineData("./a.txt", "a.txt")]
    [InlineData("a//b", "a/b")]
    [InlineData("a/./b", "a/b")]
    [InlineData("dir/", "dir")]
    [InlineData("...", "...")]
    [InlineData("a..b/c", "a..b/c")]
    [InlineData("写真/1.jpg", "写真/1.jpg")]
    [InlineData("", "")]
    [InlineData(".", "")]
    [InlineData("./", "")]
    public void Sanitize_ReturnsTheNormalizedRelativePath(string name, string expected) => ArchivePaths.Sanitize(name).ShouldBe(expected);

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("\\windows\\win.ini")]
    [InlineData("//server/share/x")]
    [InlineData("C:/x.txt")]
    [InlineData("c:x.txt")]
    [InlineData("C:\\x.txt")]
    [InlineData("..")]
    [InlineData("../x")]
    [InlineData("a/../b")]
    [InlineData("a/..")]
    [InlineData("a\\..\\..\\b")]
    [InlineData("./../x")]
    [InlineData("a\0b")]
    [InlineData("a\nb")]
    [InlineData("a\u007fb")]
    public void Sanitize_ReturnsNull_ForUnsafeNames(string name) => ArchivePaths.Sanitize(name).ShouldBeNull();

    [Fact]
    public void Sanitize_AcceptsA255ByteSegment_AndRefuses256()
    {
        ArchivePaths.Sanitize("d/" + new string('a', 255)).ShouldBe("d/" + new string('a', 255));
        ArchivePaths.Sanitize("d/" + new string('a', 256)).ShouldBeNull();
        ArchivePaths.Sanitize(new string('é', 128)).ShouldBeNull();
    }

    [Fact]
    public void Sanitize_RefusesPathsOver1024Bytes()
    {
        var segment = new string('a', 200);
        var fits = string.Join('/', Enumerable.Repeat(segment, 5)) + "/" + new string('b', 19); // 1024 bytes
        var over = fits + "b";

        fits.Length.ShouldBe(1024);
        ArchivePaths.Sanitize(fits).ShouldBe(fits);
        ArchivePaths.Sanitize(over).ShouldBeNull();
    }
}
