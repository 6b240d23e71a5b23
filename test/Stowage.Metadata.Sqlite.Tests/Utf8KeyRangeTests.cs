using System.Text;

namespace Stowage.Metadata.Sqlite.Tests;

public sealed class Utf8KeyRangeTests
{
    private static int Utf8Compare(string a, string b) =>
        Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));

    [Theory]
    [InlineData("a", "b")]
    [InlineData("a", "a/")]
    [InlineData("Z", "a")]
    [InlineData("z", "é")]
    [InlineData("\uE000", "\U0001F600")]
    [InlineData("\uFFFD", "\U0001F600")]
    [InlineData("\uFFFF", "\U00010000")]
    [InlineData("", "\0")]
    public void Compare_OrdersByUtf8Bytes_UnlikeUtf16Ordinal_AboveTheBmp(string lower, string higher)
    {
        Utf8KeyRange.Compare(lower, higher).ShouldBeLessThan(0);
        Utf8KeyRange.Compare(higher, lower).ShouldBeGreaterThan(0);
        Utf8KeyRange.Compare(lower, lower).ShouldBe(0);
        Utf8Compare(lower, higher).ShouldBeLessThan(0);
    }

    [Fact]
    public void Compare_AgreesWithUtf8ByteOrder_OnRandomKeys()
    {
        var random = new Random(20260314);
        int[] alphabet = ['a', 'b', '/', 0x7F, 0xE9, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF];
        string NextKey()
        {
            var builder = new StringBuilder();
            for (var i = random.Next(0, 5); i > 0; i--)
            {
                builder.Append(char.ConvertFromUtf32(alphabet[random.Next(alphabet.Length)]));
            }

            return builder.ToString();
        }

        for (var i = 0; i < 5000; i++)
        {
            var (a, b) = (NextKey(), NextKey());
            Math.Sign(Utf8KeyRange.Compare(a, b)).ShouldBe(Math.Sign(Utf8Compare(a, b)), $"{a} vs {b}");
        }
    }

    [Theory]
    [InlineData("a", "b")]
    [InlineData("photos/", "photos0")]
    [InlineData("a\uD7FF", "a\uE000")]
    [InlineData("a\uFFFF", "a\U00010000")]
    [InlineData("\U0001F600", "\U0001F601")]
    [InlineData("a\U0010FFFF", "b")]
    [InlineData("ab\U0010FFFF\U0010FFFF", "ac")]
    public void PrefixUpperBound_IsTheNextStringAfterEveryKeyWithThePrefix(string prefix, string bound)
    {
        Utf8KeyRange.PrefixUpperBound(prefix).ShouldBe(bound);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\U0010FFFF")]
    [InlineData("\U0010FFFF\U0010FFFF")]
    public void PrefixUpperBound_IsNull_WhenNoKeyIsAboveThePrefixRange(string prefix)
    {
        Utf8KeyRange.PrefixUpperBound(prefix).ShouldBeNull();
    }
}
