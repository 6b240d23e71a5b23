namespace Stowage.Core.Tests.Support;

/// <summary>test/Shared/ByteArrayShouldBe.cs: byte arrays compared by span, and a difference named by its offset.</summary>
public sealed class ByteArrayShouldBeTests
{
    [Fact]
    public void ShouldBe_OnByteArrays_BindsToTheSpanComparison_AndNamesTheFirstDifference()
    {
        var expected = new byte[5_000_000];
        var actual = (byte[])expected.Clone();
        actual[4_321_000] = 7;

        var error = Should.Throw<ShouldAssertException>(() => actual.ShouldBe(expected, "the object"));

        error.Message.ShouldBe("the object: byte arrays differ: 5000000 bytes, expected 5000000; first difference at offset 4321000: expected 0x00, was 0x07");
    }

    [Fact]
    public void ShouldBe_OnByteArrays_PassesForEqualContent_AndTellsLengthsAndShortArraysApart()
    {
        new byte[] { 1, 2, 3 }.ShouldBe([1, 2, 3]);
        ((byte[]?)null).ShouldBe(null);

        Should.Throw<ShouldAssertException>(() => new byte[] { 1, 2 }.ShouldBe([1, 2, 3])).Message
            .ShouldBe("byte arrays differ: 2 bytes, expected 3; equal up to offset 2, where the shorter one ends (expected 010203, was 0102)");
        Should.Throw<ShouldAssertException>(() => ((byte[]?)null).ShouldBe([1])).Message.ShouldBe("expected 1 bytes but was null");
    }
}
