namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>Fast comparison of large byte arrays (Shouldly's element-wise ShouldBe is slow on megabytes).</summary>
public static class ByteAssertions
{
    public static void ShouldBeBytes(this byte[] actual, ReadOnlySpan<byte> expected, string? what = null)
    {
        if (actual.AsSpan().SequenceEqual(expected))
        {
            return;
        }

        var common = Math.Min(actual.Length, expected.Length);
        var first = actual.AsSpan(0, common).CommonPrefixLength(expected[..common]);
        throw new ShouldAssertException(
            $"{what ?? "bytes"}: {actual.Length} bytes, expected {expected.Length}; first difference at offset {first}.");
    }
}
