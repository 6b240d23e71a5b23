using Stowage.Server.Protocols.S3;

namespace Stowage.Server.Tests.Protocols.S3;

public sealed class S3RangeTests
{
    [Theory]
    [InlineData("bytes=0-9", 100, 0, 10)]
    [InlineData("bytes=10-", 100, 10, 90)]
    [InlineData("bytes=-10", 100, 90, 10)]
    [InlineData("bytes=-1000", 100, 0, 100)]
    [InlineData("bytes=90-1000", 100, 90, 10)]
    [InlineData("bytes=0-", 100, 0, 100)]
    [InlineData("bytes=99-99", 100, 99, 1)]
    [InlineData("BYTES=5-6", 100, 5, 2)]
    public void Parse_ReturnsTheRange_ClampedToTheObject(string header, long size, long offset, long length)
    {
        var outcome = S3Range.Parse(header, size);

        outcome.IsUnsatisfiable.ShouldBeFalse();
        outcome.Range.ShouldBe(new S3Range(offset, length));
    }

    [Theory]
    [InlineData("bytes=100-", 100)]
    [InlineData("bytes=100-200", 100)]
    [InlineData("bytes=-0", 100)]
    [InlineData("bytes=0-0", 0)]
    [InlineData("bytes=-5", 0)]
    public void Parse_IsUnsatisfiable_WhenTheRangeStartsAtOrBeyondTheEnd(string header, long size) =>
        S3Range.Parse(header, size).IsUnsatisfiable.ShouldBeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("items=0-9")]
    [InlineData("bytes=0-9,20-29")]
    [InlineData("bytes=a-9")]
    [InlineData("bytes=9-5")]
    [InlineData("bytes=")]
    [InlineData("bytes=5")]
    public void Parse_MeansTheWholeObject_WhenS3WouldIgnoreTheHeader(string? header)
    {
        var outcome = S3Range.Parse(header, 100);

        outcome.IsUnsatisfiable.ShouldBeFalse();
        outcome.Range.ShouldBeNull();
    }
}
