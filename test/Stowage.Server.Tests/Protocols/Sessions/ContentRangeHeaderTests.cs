using Stowage.Core.Uploads;
using Stowage.Server.Protocols.Sessions;

namespace Stowage.Server.Tests.Protocols.Sessions;

public sealed class ContentRangeHeaderTests
{
    public static TheoryData<string, long, long, long> Valid => new()
    {
        { "bytes 0-9/10", 0, 9, 10 },
        { "bytes 100-199/1000", 100, 199, 1000 },
        { "bytes 0-0/1", 0, 0, 1 },
        { "BYTES 0-9/10", 0, 9, 10 },
        { "Bytes 0-9/10", 0, 9, 10 },
        { "  bytes 0-9/10  ", 0, 9, 10 },
        { "bytes    0-9/10", 0, 9, 10 },
        { "bytes 007-009/010", 7, 9, 10 },
        { "bytes 107374182400-107374182499/107374182500", 107_374_182_400, 107_374_182_499, 107_374_182_500 },
        { "bytes 0-9223372036854775806/9223372036854775807", 0, long.MaxValue - 1, long.MaxValue },

        // Syntax only: whether start <= end < total is the core's rule (400 invalid_content_range there).
        { "bytes 5-4/10", 5, 4, 10 },
        { "bytes 0-10/10", 0, 10, 10 },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void TryParse_ReadsStartEndAndTotal(string header, long start, long end, long total)
    {
        ContentRangeHeader.TryParse(header, out var range).ShouldBeTrue();

        range.ShouldBe(new ChunkRange(start, end, total));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bytes")]
    [InlineData("bytes ")]
    [InlineData("0-9/10")]
    [InlineData("bytes=0-9/10")]
    [InlineData("bytes\t0-9/10")]
    [InlineData("items 0-9/10")]
    [InlineData("bytes */100")]
    [InlineData("bytes 0-10/*")]
    [InlineData("bytes */*")]
    [InlineData("bytes -1-9/10")]
    [InlineData("bytes 0--9/10")]
    [InlineData("bytes 0-9/-10")]
    [InlineData("bytes +0-9/10")]
    [InlineData("bytes -9/10")]
    [InlineData("bytes 0-/10")]
    [InlineData("bytes 0-9")]
    [InlineData("bytes 0-9/")]
    [InlineData("bytes 0/10")]
    [InlineData("bytes 0 - 9/10")]
    [InlineData("bytes 0-9 /10")]
    [InlineData("bytes 0-9/ 10")]
    [InlineData("bytes 0-9/10 extra")]
    [InlineData("bytes 0-9/10/20")]
    [InlineData("bytes 0-9/10, bytes 10-19/20")]
    [InlineData("bytes 0x0-0x9/10")]
    [InlineData("bytes 1e1-2e1/3e1")]
    [InlineData("bytes 0.0-9/10")]
    [InlineData("bytes ٠-٩/١٠")]
    [InlineData("bytes 9223372036854775808-9223372036854775809/9223372036854775810")]
    [InlineData("bytes 0-9/99999999999999999999")]
    public void TryParse_RefusesMalformedHeaders(string header) => ContentRangeHeader.TryParse(header, out _).ShouldBeFalse();
}
