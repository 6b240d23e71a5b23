using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Stowage.Core.Common;
using Stowage.Core.Errors;

namespace Stowage.Core.S3;

/// <summary>
/// Long-lived access keys (stored) and temporary, key-scoped credentials (not stored: the session token
/// carries its own scope and expiry, signed with a server-wide secret, so verifying one needs no database
/// round trip; see <see cref="S3SessionToken"/>). Also decides what a principal may do (<see cref="Authorize"/>).
/// Resolved long-lived keys are cached for <see cref="CacheLifetime"/>: a key revoked through this service
/// stops working at once, one revoked by another process (the CLI beside a running server) within that time.
/// </summary>
public sealed partial class S3CredentialService(IS3Store store, S3ProjectsBucket projectsBucket, IOptions<S3Options> options, TimeProvider time) : IS3PrincipalResolver
{
    /// <summary>The name of the server-wide secret that signs session tokens and derives temporary secrets.</summary>
    public const string SessionTokenKeyName = "s3-session-token-key";

    /// <summary>How long a resolved long-lived key is trusted without asking the store again.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    /// <summary>Far more keys (or accounts) than an installation has in use at once; a miss is one indexed lookup anyway.</summary>
    internal const int CacheCapacity = 10_000;
    private const int SessionTokenKeyBytes = 32;

    private readonly S3Options _options = options.Value;
    private readonly TimedCache<S3Principal> _cache = new(time, CacheLifetime, CacheCapacity);
    private byte[]? _sessionTokenKey;

    /// <summary>Creates and stores a long-lived access key (AKIA…) for the account.</summary>
    public async Task<S3Credentials> CreateAccessKeyAsync(string accountId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        var record = new S3AccessKeyRecord(S3AccessKeys.NewLongLivedId(), S3AccessKeys.NewSecret(), accountId, time.GetUtcNow(), Revoked: null);
        await store.CreateS3KeyAsync(record, cancellationToken).ConfigureAwait(false);
        return new S3Credentials(record.AccessKeyId, record.SecretAccessKey, SessionToken: null, Expiration: null, accountId, Scope: null);
    }

    /// <summary>Long-lived keys, of one account or all, revoked ones included.</summary>
    public Task<IReadOnlyList<S3AccessKeyRecord>> ListAccessKeysAsync(string? accountId, CancellationToken cancellationToken) =>
        store.ListS3KeysAsync(accountId, cancellationToken);

    /// <summary>Revokes a long-lived key; false when unknown. This instance forgets it at once.</summary>
    public async Task<bool> RevokeAccessKeyAsync(string accessKeyId, CancellationToken cancellationToken)
    {
        var revoked = await store.RevokeS3KeyAsync(accessKeyId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        _cache.Remove(accessKeyId);
        return revoked;
    }

    /// <summary>
    /// Issues a temporary credential (ASIA…) for one object key, valid for <paramref name="ttl"/>
    /// (1 s to <see cref="S3Options.MaxTemporaryCredentialSeconds"/>, else ArgumentOutOfRangeException;
    /// the expiration is rounded down to a whole second).
    /// </summary>
    public async Task<S3Credentials> IssueTemporaryAsync(string accountId, S3KeyScope scope, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentOutOfRangeException.ThrowIfLessThan(ttl, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ttl, TimeSpan.FromSeconds(_options.MaxTemporaryCredentialSeconds));
        if (!S3BucketNames.IsValid(scope.Bucket))
        {
            throw new ArgumentException($"'{scope.Bucket}' is not a valid bucket name.", nameof(scope));
        }

        if (S3ObjectKeys.Check(scope.Key) is { } invalidKey)
        {
            throw new ArgumentException(invalidKey.Details[S3Failures.MessageField] as string, nameof(scope));
        }

        var key = await SessionTokenKeyAsync(cancellationToken).ConfigureAwait(false);
        var expires = (time.GetUtcNow() + ttl).ToUnixTimeSeconds();
        var accessKeyId = S3AccessKeys.NewTemporaryId();
        var token = new S3SessionToken(accessKeyId, accountId, scope.Bucket, scope.Key, expires).Encode(key);
        return new S3Credentials(accessKeyId, S3AccessKeys.DeriveSecret(key, accessKeyId), token, DateTimeOffset.FromUnixTimeSeconds(expires), accountId, scope);
    }

    /// <summary>
    /// The principal behind an access key id (and session token, for a temporary one). Failures:
    /// InvalidAccessKeyId (unknown or revoked), InvalidToken (a token that is malformed, forged or not for this key,
    /// missing for a temporary key or sent with a long-lived one), ExpiredToken (past its expiration).
    /// </summary>
    public async ValueTask<Result<S3Principal>> ResolveAsync(string accessKeyId, string? sessionToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accessKeyId);
        if (string.IsNullOrEmpty(sessionToken))
        {
            sessionToken = null;
        }

        if (accessKeyId.StartsWith(S3AccessKeys.TemporaryPrefix, StringComparison.Ordinal))
        {
            return await ResolveTemporaryAsync(accessKeyId, sessionToken, cancellationToken).ConfigureAwait(false);
        }

        if (sessionToken is not null && accessKeyId.StartsWith(S3AccessKeys.LongLivedPrefix, StringComparison.Ordinal))
        {
            return S3Failures.WithMessage(S3Errors.InvalidToken, "A session token was sent with a long-lived access key.");
        }

        if (_cache.TryGet(accessKeyId, out var cached))
        {
            return cached;
        }

        var record = await store.GetS3KeyAsync(accessKeyId, cancellationToken).ConfigureAwait(false);
        if (record is null || record.Revoked is not null)
        {
            return S3Errors.InvalidAccessKeyId;
        }

        var principal = new S3Principal(record.AccessKeyId, record.SecretAccessKey, record.AccountId, Scope: null, Expiration: null);
        _cache.Add(principal.AccessKeyId, principal);
        return principal;
    }

    private async ValueTask<Result<S3Principal>> ResolveTemporaryAsync(string accessKeyId, string? sessionToken, CancellationToken cancellationToken)
    {
        if (sessionToken is null)
        {
            return S3Failures.WithMessage(S3Errors.InvalidToken, "A temporary access key needs its session token (x-amz-security-token).");
        }

        var key = await SessionTokenKeyAsync(cancellationToken).ConfigureAwait(false);
        var token = S3SessionToken.Decode(sessionToken, key);
        if (token is null || !string.Equals(token.AccessKeyId, accessKeyId, StringComparison.Ordinal))
        {
            return S3Errors.InvalidToken;
        }

        var expiration = DateTimeOffset.FromUnixTimeSeconds(token.ExpiresUnixSeconds);
        if (time.GetUtcNow() >= expiration)
        {
            return S3Errors.ExpiredToken;
        }

        return new S3Principal(accessKeyId, S3AccessKeys.DeriveSecret(key, accessKeyId), token.AccountId, new S3KeyScope(token.Bucket, token.Key), expiration);
    }

    /// <summary>
    /// The server-wide key, shared by every instance through the store; fetched once. Concurrent first
    /// callers may each ask the store, which hands all of them the same value.
    /// </summary>
    private async ValueTask<byte[]> SessionTokenKeyAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _sessionTokenKey) is { } known)
        {
            return known;
        }

        var key = await store.GetOrAddSecretAsync(SessionTokenKeyName, RandomNumberGenerator.GetBytes(SessionTokenKeyBytes), cancellationToken).ConfigureAwait(false);
        if (key.Length < SessionTokenKeyBytes)
        {
            throw new InvalidOperationException($"The stored '{SessionTokenKeyName}' is {key.Length} bytes; at least {SessionTokenKeyBytes} are needed.");
        }

        Volatile.Write(ref _sessionTokenKey, key);
        return key;
    }
}
