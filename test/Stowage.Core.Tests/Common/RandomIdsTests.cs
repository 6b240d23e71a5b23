using Stowage.Core.Common;

namespace Stowage.Core.Tests.Common;

public sealed class RandomIdsTests
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(43)]
    [InlineData(128)]
    [InlineData(129)]
    [InlineData(1000)]
    public void Base62_ReturnsExactlyTheRequestedLength(int length) => RandomIds.Base62(length).Length.ShouldBe(length);

    [Fact]
    public void Base62_UsesEveryCharacterOfTheAlphabetAndNothingElse()
    {
        var seen = new HashSet<char>();
        for (var i = 0; i < 200; i++)
        {
            seen.UnionWith(RandomIds.Base62(100));
        }

        seen.OrderBy(c => c).ShouldBe(Alphabet.OrderBy(c => c));
    }

    [Fact]
    public void Base62_NeverRepeats_OverManyIds()
    {
        var ids = Enumerable.Range(0, 20_000).Select(_ => RandomIds.Base62(16)).ToHashSet(StringComparer.Ordinal);

        ids.Count.ShouldBe(20_000);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("azAZ09", true)]
    [InlineData("a-b", false)]
    [InlineData("a b", false)]
    [InlineData("ä", false)]
    public void IsBase62_AcceptsOnlyAsciiLettersAndDigits(string value, bool expected) => RandomIds.IsBase62(value).ShouldBe(expected);
}
