using System.Text;
using Stowage.Processing.Archives;

namespace Stowage.Processing.Tests.Archives;

/// <summary>The zip entry CRC-32 check (APPNOTE.TXT 4.4.7), fed in pieces of any size.</summary>
public sealed class CrcCheckingStreamTests
{
    [Fact]
    public async Task ReadToTheEnd_Passes_WithTheStandardCheckValue() =>
        // 0xCBF43926: the "check" value of CRC-32/ISO-HDLC, the CRC zip uses.
        (await ReadAllAsync("123456789"u8.ToArray(), 0xCBF43926u, pieceSize: 4)).ShouldBe("123456789"u8.ToArray());

    [Fact]
    public async Task ReadToTheEnd_Throws_WhenABitDiffers()
    {
        var data = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 500).Select(i => i.ToString())));
        var expected = System.IO.Hashing.Crc32.HashToUInt32(data);
        data[777] ^= 0x10;

        var error = await Should.ThrowAsync<InvalidDataException>(() => ReadAllAsync(data, expected, pieceSize: 53));

        error.Message.ShouldContain($"expected {expected:x8}");
        error.Message.ShouldContain("'entry.bin'");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public async Task Pieces_GiveTheSameResultAsOneGo(int pieceSize)
    {
        var data = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 500).Select(i => i.ToString())));

        (await ReadAllAsync(data, System.IO.Hashing.Crc32.HashToUInt32(data), pieceSize)).ShouldBe(data);
    }

    private static async Task<byte[]> ReadAllAsync(byte[] data, uint expectedCrc, int pieceSize)
    {
        await using var stream = new CrcCheckingStream(new MemoryStream(data), expectedCrc, "entry.bin");
        using var copy = new MemoryStream();
        var buffer = new byte[pieceSize];
        for (var reads = 0; reads <= data.Length + 1; reads++)
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return copy.ToArray();
            }

            copy.Write(buffer, 0, read);
        }

        throw new InvalidOperationException("The stream did not end.");
    }
}
