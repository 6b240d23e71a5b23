using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Stowage.Core.S3.Signing;

/// <summary>
/// The SigV4 signing key: HMAC chain of the secret over date, region, service and "aws4_request"
/// (docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html, "Derive a signing key"). It only
/// changes daily, so keys are cached per (secret, date, region, service): four HMACs saved on every request.
/// </summary>
public static class SigningKeys
{
    /// <summary>
    /// Entries kept before the cache is emptied and refilled: a day's keys for a few hundred active credentials.
    /// Temporary credentials each have their own secret, so the bound matters; clearing is crude but keeps
    /// the cache lock-free and bounded.
    /// </summary>
    public const int CacheCapacity = 1024;

    private static readonly ConcurrentDictionary<(string Secret, string Date, string Region, string Service), byte[]> Cache = new();

    /// <summary>The (cached) signing key. The returned array is shared: do not modify it.</summary>
    public static byte[] Get(string secretAccessKey, SigV4Scope scope)
    {
        var cacheKey = (secretAccessKey, scope.Date, scope.Region, scope.Service);
        if (Cache.TryGetValue(cacheKey, out var key))
        {
            return key;
        }

        key = Derive(secretAccessKey, scope);
        if (Cache.Count >= CacheCapacity)
        {
            Cache.Clear();
        }

        Cache[cacheKey] = key;
        return key;
    }

    /// <summary>The signing key, uncached.</summary>
    public static byte[] Derive(string secretAccessKey, SigV4Scope scope)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(scope.Date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(scope.Region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(scope.Service));
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(SigV4.Terminator));
    }
}
