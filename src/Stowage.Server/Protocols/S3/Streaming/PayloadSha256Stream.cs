using System.Security.Cryptography;
using Stowage.Core.Common;
using Stowage.Core.S3;
using Stowage.Server.Protocols.S3.Auth;

namespace Stowage.Server.Protocols.S3.Streaming;

/// <summary>
/// The body of a request whose <c>x-amz-content-sha256</c> is a hex digest: passed through as read, and when it
/// ends the SHA-256 of what passed must equal the digest, or the read that would return 0 throws
/// XAmzContentSHA256Mismatch instead. The inner stream (the request body) is not disposed.
/// </summary>
internal sealed class PayloadSha256Stream(Stream inner, byte[] expectedSha256) : ReadOnlyStream
{
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
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
            _sha256.AppendData(data);
            return data.Length;
        }

        if (!emptyRequest && !_checked)
        {
            _checked = true;
            var actual = _sha256.GetHashAndReset();
            if (!CryptographicOperations.FixedTimeEquals(actual, expectedSha256))
            {
                throw new S3BodyException(new Core.Errors.Failure(S3Errors.XAmzContentSha256Mismatch, new Dictionary<string, object?>
                {
                    [S3AuthFailures.MessageField] = S3Errors.XAmzContentSha256Mismatch.Message,
                    ["ClientComputedContentSHA256"] = Convert.ToHexStringLower(expectedSha256),
                    ["S3ComputedContentSHA256"] = Convert.ToHexStringLower(actual),
                }));
            }
        }

        return 0;
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
