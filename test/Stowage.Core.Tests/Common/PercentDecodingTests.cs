using Stowage.Core.Common;

namespace Stowage.Core.Tests.Common;

public sealed class PercentDecodingTests
{
    [Theory]
    [InlineData("scan.e57", "scan.e57")]
    [InlineData("a%2Fb", "a/b")]
    [InlineData("Caf%C3%A9", "Café")]
    [InlineData("caf%c3%a9", "café")]
    [InlineData("%F0%9F%93%B7", "\U0001F4F7")]
    [InlineData("%25FF", "%FF")]
    [InlineData("100%", "100%")]
    [InlineData("a%zz", "a%zz")]
    [InlineData("a%2", "a%2")]
    [InlineData("%00", "\0")]
    [InlineData("été", "été")]
    [InlineData("", "")]
    public void TryDecode_DecodesOnce_KeepingMalformedEscapesLiterally(string encoded, string expected)
    {
        PercentDecoding.TryDecode(encoded, out var decoded).ShouldBeTrue();

        decoded.ShouldBe(expected);
        decoded.ShouldBe(Uri.UnescapeDataString(encoded)); // the same as before wherever the bytes are UTF-8
    }

    [Theory]
    [InlineData("%FF")]
    [InlineData("a%ED%A0%80")]
    [InlineData("%ED%B0%80b")]
    [InlineData("caf%C3")]
    [InlineData("%C3x")]
    [InlineData("%C0%AF")]
    [InlineData("%E0%80%AF")]
    [InlineData("%F4%90%80%80")]
    [InlineData("%80")]
    [InlineData("ok%2F%FE")]
    public void TryDecode_IsFalse_WhenTheEscapesAreNotUtf8(string encoded)
    {
        PercentDecoding.TryDecode(encoded, out _).ShouldBeFalse();
        PercentDecoding.IsUtf8(encoded).ShouldBeFalse();
    }

    [Fact]
    public void TryDecode_IsFalse_WhenTheTextHoldsALoneSurrogate()
    {
        // Built here: xUnit would turn a lone surrogate in an attribute argument into U+FFFD.
        var high = ((char)0xD800).ToString();
        var low = ((char)0xDC00).ToString();

        PercentDecoding.TryDecode("a" + high + "b", out _).ShouldBeFalse();
        PercentDecoding.TryDecode(low, out _).ShouldBeFalse();
        PercentDecoding.TryDecode("%41" + high, out _).ShouldBeFalse();
        PercentDecoding.TryDecode(low + high, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryDecode_AcceptsASurrogatePair() =>
        PercentDecoding.TryDecode("x\U0001F4F7%20y", out var decoded).ShouldBeTrue();
}
