using Stowage.Core.Errors;
using System.Security.Cryptography;
using Stowage.Core.Checksums;
using Stowage.Core.Common;

namespace Stowage.Core.S3;

/// <summary>
/// The body of a PutObject or UploadPart as the blob store pulls it: every byte is counted and hashed
/// (<see cref="S3ContentDigest"/>), the size limit holds whatever length was declared, and when the body
/// ends (a read returning 0) Content-MD5 and the expected checksum are compared before that 0 is returned.
/// Any failure is thrown as <see cref="S3ContentException"/>, so the blob store discards what it wrote and
/// the previous object stays. Receiving, hashing and writing overlap (<see cref="PipelinedPassThroughStream"/>):
/// the checks run on the hashing stage and reach the blob store on its last read. With <paramref name="quota"/>, the
/// body may also not pass the room the account's quota leaves it (an UploadPart, whose bytes replace the earlier
/// part in place, so it must stop before it holds more than that). It does not own <paramref name="inner"/> nor
/// <paramref name="digest"/>; disposing it stops its stages.
/// </summary>
internal sealed class S3ContentStream(Stream inner, S3ContentDigest digest, long maxBytes, long? declaredLength, ObjectWrite write, QuotaRoom? quota = null)
    : PipelinedPassThroughStream(inner, BufferBytes)
{
    /// <summary>The blob stores' own write unit (1 MiB), so each of their reads takes one whole buffer.</summary>
    private const int BufferBytes = 1 << 20;

    /// <summary>True once the body ended and passed every check.</summary>
    public bool Completed { get; private set; }

    public long BytesRead => digest.Length;

    public byte[] Md5 { get; private set; } = [];

    public ChecksumValue? Checksum { get; private set; }

    protected override void OnRead(ReadOnlySpan<byte> data, bool endOfStream)
    {
        if (Completed)
        {
            return; // a reader asking again after the end
        }

        // docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html: 5 GiB per PUT and per part; counted on
        // the bytes that came, since a declared or decoded length is only a claim.
        if (digest.Length + data.Length > maxBytes)
        {
            throw new S3ContentException(Failure.Because(StowageErrors.FileTooLarge,
                $"Your proposed upload exceeds the maximum allowed size of {maxBytes} bytes."));
        }

        if (quota is { } room && digest.Length + data.Length > room.Bytes)
        {
            throw new S3ContentException(S3Uploads.QuotaExceeded(room.QuotaBytes));
        }

        if (declaredLength is { } declared && digest.Length + data.Length > declared)
        {
            throw new S3ContentException(Failure.Because(StowageErrors.IncompleteBody,
                $"The body is longer than its declared length of {declared} bytes."));
        }

        digest.Append(data);
        if (endOfStream)
        {
            Finish();
        }
    }

    private void Finish()
    {
        if (declaredLength is { } declared && digest.Length != declared)
        {
            throw new S3ContentException(Failure.Because(StowageErrors.IncompleteBody,
                $"You did not provide the number of bytes declared: {digest.Length} of {declared}."));
        }

        var (md5, checksum) = digest.Finish();
        if (write.ContentMd5 is { } expectedMd5 && !CryptographicOperations.FixedTimeEquals(expectedMd5, md5))
        {
            throw new S3ContentException(Failure.Because(StowageErrors.ChecksumMismatch, "The Content-MD5 you specified did not match what we received."));
        }

        // A trailer's checksum is only known now that the body has ended, hence the callback.
        if (write.ExpectedChecksum?.Invoke() is { } expected)
        {
            if (checksum is null || checksum.Algorithm != expected.Algorithm)
            {
                throw new S3ContentException(Failure.Because(StowageErrors.InvalidRequest,
                    $"The {ChecksumNames.Name(expected.Algorithm)} checksum was sent but not computed; the request named another algorithm."));
            }

            if (!string.Equals(checksum.Base64, expected.Base64, StringComparison.Ordinal))
            {
                throw new S3ContentException(Failure.Because(StowageErrors.ChecksumMismatch,
                    $"The {ChecksumNames.Name(expected.Algorithm)} you specified did not match the calculated checksum."));
            }
        }

        Md5 = md5;
        Checksum = checksum;
        Completed = true;
    }
}
