using System.Text;
using Stowage.Processing.Archives;

namespace Stowage.Processing.Tests.Archives;

public sealed class Crc32Tests
{
    [Fact]
    public void Append_MatchesTheStandardCheckValue() =>
        Crc32.Append(0, "123456789"u8).ShouldBe(0xCBF43926u); // the "check" value of CRC-32/ISO-HDLC

    [Fact]
    public void Append_GivesTheSameResultInPiecesAsInOneGo()
    {
        var data = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 500).Select(i => i.ToString())));

        var pieces = Crc32.Append(Crc32.Append(Crc32.Append(0, data.AsSpan(0, 3)), data.AsSpan(3, 50)), data.AsSpan(53));

        pieces.ShouldBe(Crc32.Append(0, data));
    }
}
