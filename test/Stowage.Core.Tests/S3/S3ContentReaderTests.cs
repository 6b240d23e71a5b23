using System.IO.Pipelines;
using Stowage.Core.S3;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.S3;

/// <summary>
/// The S3 body reader hashes in place: every byte exactly once, however the consumer consumes (a part
/// of a buffer, or nothing and waits for more), and checks the length and digests when the body ends.
/// </summary>
public sealed class S3ContentReaderTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task HashesEveryByteOnce_WhenTheConsumerTakesOnlyPartOfEachBuffer()
    {
        var content = TestBytes.Random(100_000);
        var pipe = await FilledPipeAsync(content, pieceBytes: 9_000);
        using var digest = new S3ContentDigest(null);
        var reader = new S3ContentReader(pipe.Reader, digest, maxBytes: 1 << 20, declaredLength: content.Length, ObjectWrite.Plain);

        var received = new MemoryStream();
        while (true)
        {
            var read = await reader.ReadAsync(Ct);
            var taken = read.Buffer.Slice(0, Math.Min(read.Buffer.Length, 1_234)); // a stingy consumer: at most 1,234 bytes a read
            foreach (var segment in taken)
            {
                received.Write(segment.Span);
            }

            reader.AdvanceTo(taken.End, taken.End);
            if (read.IsCompleted && taken.Length == read.Buffer.Length)
            {
                break;
            }
        }

        received.ToArray().ShouldBe(content);
        reader.Completed.ShouldBeTrue();
        reader.BytesRead.ShouldBe(content.Length);
        reader.Md5.ShouldBe(S3Digests.Md5(content));
    }

    [Fact]
    public async Task HashesEveryByteOnce_WhenTheConsumerExaminesWithoutConsuming()
    {
        var content = TestBytes.Random(30_000);
        var pipe = new Pipe();
        using var digest = new S3ContentDigest(null);
        var reader = new S3ContentReader(pipe.Reader, digest, maxBytes: 1 << 20, declaredLength: null, ObjectWrite.Plain);

        await pipe.Writer.WriteAsync(content.AsMemory(0, 10_000), Ct);
        var first = await reader.ReadAsync(Ct);
        reader.AdvanceTo(first.Buffer.Start, first.Buffer.End); // nothing consumed: the same bytes come again
        await pipe.Writer.WriteAsync(content.AsMemory(10_000), Ct);
        await pipe.Writer.CompleteAsync();
        var second = await reader.ReadAsync(Ct);

        second.Buffer.Length.ShouldBe(30_000);
        second.IsCompleted.ShouldBeTrue();
        reader.AdvanceTo(second.Buffer.End);
        reader.Md5.ShouldBe(S3Digests.Md5(content));
        reader.BytesRead.ShouldBe(30_000);
    }

    [Fact]
    public async Task ThrowsIncompleteBody_OnTheReadThatPassesTheDeclaredLength()
    {
        var content = TestBytes.Random(5_000);
        var pipe = await FilledPipeAsync(content, pieceBytes: 5_000);
        using var digest = new S3ContentDigest(null);
        var reader = new S3ContentReader(pipe.Reader, digest, maxBytes: 1 << 20, declaredLength: 4_000, ObjectWrite.Plain);

        var thrown = await Should.ThrowAsync<S3ContentException>(async () => await reader.ReadAsync(Ct));

        thrown.Failure.Error.ShouldBe(S3Errors.IncompleteBody);
        reader.Completed.ShouldBeFalse();
    }

    [Fact]
    public async Task ThrowsEntityTooLarge_OnTheReadThatPassesTheLimit_WhateverWasDeclared()
    {
        var content = TestBytes.Random(3_000);
        var pipe = await FilledPipeAsync(content, pieceBytes: 1_000);
        using var digest = new S3ContentDigest(null);
        var reader = new S3ContentReader(pipe.Reader, digest, maxBytes: 2_500, declaredLength: null, ObjectWrite.Plain);

        var thrown = await Should.ThrowAsync<S3ContentException>(async () =>
        {
            while (true)
            {
                var read = await reader.ReadAsync(Ct);
                reader.AdvanceTo(read.Buffer.Start.Equals(read.Buffer.End) ? read.Buffer.End : read.Buffer.GetPosition(Math.Min(1_000, read.Buffer.Length)));
            }
        });

        thrown.Failure.Error.ShouldBe(S3Errors.EntityTooLarge);
    }

    [Fact]
    public async Task ThrowsBadDigest_OnTheReadThatReportsTheEnd_WhenContentMd5DiffersFromTheBody()
    {
        var content = TestBytes.Random(2_000);
        var pipe = await FilledPipeAsync(content, pieceBytes: 2_000);
        using var digest = new S3ContentDigest(null);
        var write = ObjectWrite.Plain with { ContentMd5 = S3Digests.Md5(content[..1_999]) };
        var reader = new S3ContentReader(pipe.Reader, digest, maxBytes: 1 << 20, declaredLength: content.Length, write);

        var thrown = await Should.ThrowAsync<S3ContentException>(async () => await reader.ReadAsync(Ct));

        thrown.Failure.Error.ShouldBe(S3Errors.BadDigest);
        reader.Completed.ShouldBeFalse();
    }

    private static async Task<Pipe> FilledPipeAsync(byte[] content, int pieceBytes)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        for (var offset = 0; offset < content.Length; offset += pieceBytes)
        {
            await pipe.Writer.WriteAsync(content.AsMemory(offset, Math.Min(pieceBytes, content.Length - offset)), Ct);
        }

        await pipe.Writer.CompleteAsync();
        return pipe;
    }
}
