using System.Security.Cryptography;
using Stowage.Core.Common;

namespace Stowage.Core.Tests.Common;

public sealed class PipelinedPassThroughStreamTests
{
    [Theory]
    [InlineData(0, 1024, 4096)]
    [InlineData(1, 1024, 4096)]
    [InlineData(1024, 1024, 4096)]
    [InlineData(1025, 1024, 333)]
    [InlineData(1_000_003, 65536, 100_000)]
    public async Task Read_DeliversEveryByteInOrder_AndTheObserverSeesTheSameBytesThenTheEnd(int size, int bufferBytes, int readSize)
    {
        var data = RandomNumberGenerator.GetBytes(size);
        await using var stream = new Recording(new TricklingStream(data, 7000), bufferBytes);

        var copied = await ReadAllAsync(stream, readSize);

        copied.ShouldBe(data);
        stream.Seen.ToArray().ShouldBe(data);
        stream.EndCalls.ShouldBe(1);
        stream.ChunkSizes.ShouldAllBe(n => n > 0 && n <= bufferBytes);
        (await stream.ReadAsync(new byte[10])).ShouldBe(0); // asking again after the end
    }

    [Fact]
    public async Task Read_RethrowsWhatTheObserverThrowsAtTheEnd_InsteadOfReturningTheEnd()
    {
        var data = RandomNumberGenerator.GetBytes(10_000);
        await using var stream = new Recording(new MemoryStream(data), 4096) { FailAtEnd = new InvalidDataException("digest mismatch") };

        var buffer = new byte[4096];
        var delivered = 0;
        var ex = await Should.ThrowAsync<InvalidDataException>(async () =>
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                delivered += read;
            }
        });

        ex.Message.ShouldBe("digest mismatch");
        delivered.ShouldBe(data.Length); // every observed byte came first; only the end was refused
    }

    [Fact]
    public async Task Read_RethrowsWhatTheInnerStreamThrows_WithItsType()
    {
        await using var stream = new Recording(new FailingStream(5000, new IOException("connection reset")), 1024);

        var ex = await Should.ThrowAsync<IOException>(() => ReadAllAsync(stream, 1024));

        ex.Message.ShouldBe("connection reset");
        stream.EndCalls.ShouldBe(0);
    }

    [Fact]
    public async Task Dispose_StopsTheStages_WhenTheCallerStopsEarly()
    {
        var inner = new TricklingStream(new byte[10_000_000], 65536);
        var stream = new Recording(inner, 65536);
        (await stream.ReadAsync(new byte[100])).ShouldBe(100);

        await stream.DisposeAsync();
        await stream.DisposeAsync(); // twice is harmless

        inner.Position.ShouldBeLessThan(10_000_000); // bounded read-ahead, not the whole body
        stream.EndCalls.ShouldBe(0);
    }

    [Fact]
    public async Task ReadAhead_IsBounded_ByMaxBuffers()
    {
        var inner = new TricklingStream(new byte[100 * 4096], 4096);
        await using var stream = new Recording(inner, 4096);
        (await stream.ReadAsync(new byte[1])).ShouldBe(1);

        await Task.Delay(200); // let the stages run as far as they can

        inner.Position.ShouldBeLessThanOrEqualTo(PipelinedPassThroughStream.MaxBuffers * 4096);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, int readSize)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[readSize];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    private sealed class Recording(Stream inner, int bufferBytes) : PipelinedPassThroughStream(inner, bufferBytes)
    {
        public MemoryStream Seen { get; } = new();

        public List<int> ChunkSizes { get; } = [];

        public int EndCalls { get; private set; }

        public Exception? FailAtEnd { get; init; }

        protected override void OnRead(ReadOnlySpan<byte> data, bool endOfStream)
        {
            if (endOfStream)
            {
                EndCalls++;
                if (FailAtEnd is not null)
                {
                    throw FailAtEnd;
                }

                return;
            }

            ChunkSizes.Add(data.Length);
            Seen.Write(data);
        }
    }

    /// <summary>Hands out at most <paramref name="maxRead"/> bytes per read, like a socket.</summary>
    private sealed class TricklingStream(byte[] data, int maxRead) : MemoryStream(data, writable: false)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, maxRead)], cancellationToken);
    }

    private sealed class FailingStream(int goodBytes, Exception failure) : MemoryStream(new byte[goodBytes], writable: false)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw failure;
        }
    }
}
