using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Stowage.Core.S3;

/// <summary>
/// The session token of a temporary credential: self-contained, so verifying it needs no database round
/// trip (issue 3, "Credentials"). Format, version 1:
/// <c>base64url(payload) "." base64url(HMAC-SHA256(server key, payload))</c>, where payload is
/// <c>0x01 | expiration (int64 big-endian, unix seconds) | access key id | account id | bucket | key</c>,
/// each string as a big-endian uint16 length and its UTF-8 bytes. Only characters that need no escaping
/// in a header or a query string. The secret key is not in it: it is derived from the access key id
/// (<see cref="S3AccessKeys.DeriveSecret"/>). A token cannot be revoked; it expires.
/// </summary>
internal sealed record S3SessionToken(string AccessKeyId, string AccountId, string Bucket, string Key, long ExpiresUnixSeconds)
{
    private const byte Version = 1;
    private const int MacLength = 32;

    // A key is at most 1,024 UTF-8 bytes, so a real token is under 1.5 KB; anything far longer is not ours.
    private const int MaxTokenLength = 4096;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string Encode(byte[] serverKey)
    {
        var payload = Serialize();
        var mac = HMACSHA256.HashData(serverKey, payload);
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(mac);
    }

    /// <summary>The token's content when it is well formed and its MAC verifies (compared in constant time); null otherwise.</summary>
    public static S3SessionToken? Decode(string token, byte[] serverKey)
    {
        if (token.Length > MaxTokenLength)
        {
            return null;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || token.IndexOf('.', dot + 1) >= 0)
        {
            return null;
        }

        var payload = S3Base64Url.TryDecode(token.AsSpan(0, dot));
        var mac = S3Base64Url.TryDecode(token.AsSpan(dot + 1));
        if (payload is null || mac is not { Length: MacLength })
        {
            return null;
        }

        var expected = HMACSHA256.HashData(serverKey, payload);
        return CryptographicOperations.FixedTimeEquals(expected, mac) ? Parse(payload) : null;
    }

    private byte[] Serialize()
    {
        string[] fields = [AccessKeyId, AccountId, Bucket, Key];
        var length = 1 + sizeof(long) + fields.Sum(f => sizeof(ushort) + StrictUtf8.GetByteCount(f));
        var payload = new byte[length];
        payload[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(1), ExpiresUnixSeconds);
        var position = 1 + sizeof(long);
        foreach (var field in fields)
        {
            var written = StrictUtf8.GetBytes(field, payload.AsSpan(position + sizeof(ushort)));
            BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(position), checked((ushort)written));
            position += sizeof(ushort) + written;
        }

        return payload;
    }

    private static S3SessionToken? Parse(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 1 + sizeof(long) || payload[0] != Version)
        {
            return null;
        }

        var expires = BinaryPrimitives.ReadInt64BigEndian(payload[1..]);
        var rest = payload[(1 + sizeof(long))..];
        var fields = new string[4];
        for (var i = 0; i < fields.Length; i++)
        {
            if (rest.Length < sizeof(ushort))
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(rest);
            rest = rest[sizeof(ushort)..];
            if (rest.Length < length)
            {
                return null;
            }

            try
            {
                fields[i] = StrictUtf8.GetString(rest[..length]);
            }
            catch (DecoderFallbackException)
            {
                return null;
            }

            rest = rest[length..];
        }

        return rest.IsEmpty ? new S3SessionToken(fields[0], fields[1], fields[2], fields[3], expires) : null;
    }
}
