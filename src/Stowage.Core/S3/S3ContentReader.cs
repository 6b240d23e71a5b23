using System.Buffers;
using System.IO.Pipelines;
using System.Security.Cryptography;
using Stowage.Core.Checksums;

namespace Stowage.Core.S3;

/// <summary>
/// The body of a PutObject or UploadPart as the blob store reads it, in place: each read hashes the bytes it
/// hands out for the first time (<see cref="S3ContentDigest"/>, MD5 for the ETag and the requested checksum)
/// straight from the transport's buffers, with no copy, and enforces the size limit and the declared length
/// on the bytes that came. The read that reports the end of the body first compares Content-MD5 and the
/// expected checksum. Any failure is thrown as <see cref="S3ContentException"/>, so the blob store discards
/// what it wrote and the previous object stays. It does not own <paramref name="inner"/> (a request body
/// belongs to the server) nor <paramref name="digest"/>; completing it leaves the inner reader open.
/// </summary>
internal sealed class S3ContentReader(PipeReader inner, S3ContentDigest digest, long maxBytes, long? declaredLength, ObjectWrite write) : PipeReader
{
    private ReadOnlySequence<byte> _handedOut;
    private long _handedOutFrom;

    /// <summary>True once the body ended and passed every check.</summary>
    public bool Completed { get; private set; }

    public long BytesRead => digest.Length;

    public byte[] Md5 { get; private set; } = [];

    public ChecksumValue? Checksum { get; private set; }

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var result = await inner.ReadAsync(cancellationToken).ConfigureAwait(false);
        Observe(result);
        return result;
    }

    public override bool TryRead(out ReadResult result)
    {
        if (!inner.TryRead(out result))
        {
            return false;
        }

        Observe(result);
        return true;
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        _handedOutFrom += _handedOut.Slice(_handedOut.Start, consumed).Length;
        _handedOut = default;
        inner.AdvanceTo(consumed, examined);
    }

    public override void CancelPendingRead() => inner.CancelPendingRead();

    public override void Complete(Exception? exception = null)
    {
        // The inner reader is the server's: it completes it when the request ends.
    }

    /// <summary>
    /// A read hands out what was not consumed before plus what is new; only the new bytes (past
    /// everything hashed so far) are counted and hashed.
    /// </summary>
    private void Observe(ReadResult result)
    {
        var buffer = result.Buffer;
        _handedOut = buffer;
        var fresh = buffer.Slice(digest.Length - _handedOutFrom);
        if (!fresh.IsEmpty)
        {
            CheckLength(fresh.Length);
            foreach (var segment in fresh)
            {
                digest.Append(segment.Span);
            }
        }

        if (result.IsCompleted && !Completed)
        {
            Finish();
        }
    }

    private void CheckLength(long more)
    {
        // docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html: 5 GiB per PUT and per part; counted on
        // the bytes that came, since a declared or decoded length is only a claim.
        if (digest.Length + more > maxBytes)
        {
            throw new S3ContentException(S3Failures.WithMessage(S3Errors.EntityTooLarge,
                $"Your proposed upload exceeds the maximum allowed size of {maxBytes} bytes."));
        }

        if (declaredLength is { } declared && digest.Length + more > declared)
        {
            throw new S3ContentException(S3Failures.WithMessage(S3Errors.IncompleteBody,
                $"The body is longer than its declared length of {declared} bytes."));
        }
    }

    private void Finish()
    {
        if (declaredLength is { } declared && digest.Length != declared)
        {
            throw new S3ContentException(S3Failures.WithMessage(S3Errors.IncompleteBody,
                $"You did not provide the number of bytes declared: {digest.Length} of {declared}."));
        }

        var (md5, checksum) = digest.Finish();
        if (write.ContentMd5 is { } expectedMd5 && !CryptographicOperations.FixedTimeEquals(expectedMd5, md5))
        {
            throw new S3ContentException(S3Failures.WithMessage(S3Errors.BadDigest, "The Content-MD5 you specified did not match what we received."));
        }

        // A trailer's checksum is only known now that the body has ended, hence the callback.
        if (write.ExpectedChecksum?.Invoke() is { } expected)
        {
            if (checksum is null || checksum.Algorithm != expected.Algorithm)
            {
                throw new S3ContentException(S3Failures.WithMessage(S3Errors.InvalidRequest,
                    $"The {ChecksumNames.Name(expected.Algorithm)} checksum was sent but not computed; the request named another algorithm."));
            }

            if (!string.Equals(checksum.Base64, expected.Base64, StringComparison.Ordinal))
            {
                throw new S3ContentException(S3Failures.WithMessage(S3Errors.BadDigest,
                    $"The {ChecksumNames.Name(expected.Algorithm)} you specified did not match the calculated checksum."));
            }
        }

        Md5 = md5;
        Checksum = checksum;
        Completed = true;
    }
}
