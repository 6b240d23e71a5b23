using Stowage.Core.Errors;
using System.Security.Cryptography;
using Stowage.Core.Common;
using Stowage.Core.S3;
using Stowage.Server.Protocols.S3.Auth;

namespace Stowage.Server.Protocols.S3.Streaming;

/// <summary>
/// The body of a request whose <c>x-amz-content-sha256</c> is a hex digest: passed through as read, and when it
/// ends the SHA-256 of what passed must equal the digest, or the read throws XAmzContentSHA256Mismatch instead.
/// The end is the read that returns 0, or — when the length is known (Content-Length) — the read that
/// delivers the last byte, so a caller that stops at the declared length is protected too. The inner stream
/// (the request body) is not disposed.
/// </summary>
internal sealed class PayloadSha256Stream(Stream inner, byte[] expectedSha256, long? length = null) : ReadOnlyStream
{
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _read;
    private bool _checked;

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        return OnRead(buffer[..read], buffer.IsEmpty);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return OnRead(buffer.Span[..read], buffer.IsEmpty);
    }

    private int OnRead(ReadOnlySpan<byte> data, bool emptyRequest)
    {
        if (!data.IsEmpty)
        {
            if (_checked)
            {
                // Past the declared length (Kestrel never delivers that, but this stream does not rely on it).
                throw new S3BodyException(S3AuthFailures.Message(StowageErrors.IncompleteBody, "The body is longer than its Content-Length."));
            }

            _sha256.AppendData(data);
            _read += data.Length;
            if (_read == length)
            {
                Check();
            }

            return data.Length;
        }

        if (!emptyRequest)
        {
            Check();
        }

        return 0;
    }

    private void Check()
    {
        if (!_checked)
        {
            _checked = true;
            var actual = _sha256.GetHashAndReset();
            if (!CryptographicOperations.FixedTimeEquals(actual, expectedSha256))
            {
                throw new S3BodyException(new Core.Errors.Failure(S3Errors.XAmzContentSha256Mismatch, new Dictionary<string, object?>
                {
                    ["ClientComputedContentSHA256"] = Convert.ToHexStringLower(expectedSha256),
                    ["S3ComputedContentSHA256"] = Convert.ToHexStringLower(actual),
                }));
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sha256.Dispose();
        }

        base.Dispose(disposing);
    }
}
