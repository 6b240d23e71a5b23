namespace Stowage.Core.Tests.Support;

/// <summary>Byte-array equality that stays fast for megabytes and names the first difference.</summary>
internal static class ByteAssertions
{
    public static void ShouldBeBytes(this byte[]? actual, byte[] expected)
    {
        actual.ShouldNotBeNull("expected an object, found none");
        var common = Math.Min(actual.Length, expected.Length);
        var firstDifference = actual.AsSpan(0, common).CommonPrefixLength(expected.AsSpan(0, common));
        if (firstDifference < common)
        {
            throw new ShouldAssertException($"bytes differ first at offset {firstDifference}: expected 0x{expected[firstDifference]:x2}, got 0x{actual[firstDifference]:x2}");
        }

        actual.Length.ShouldBe(expected.Length, "lengths differ");
    }
}
