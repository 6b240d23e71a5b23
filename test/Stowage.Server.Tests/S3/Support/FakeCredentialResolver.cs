using Stowage.Core.Accounts;
using Stowage.Core.Errors;
using Stowage.Core.S3;

namespace Stowage.Server.Tests.S3.Support;

/// <summary>
/// Access keys held in memory. A key registered with a token requires exactly that token (InvalidToken
/// otherwise, as the real resolver); <see cref="IgnoreTokens"/> accepts any. Every call is recorded.
/// </summary>
internal sealed class FakeCredentialResolver : IS3CredentialResolver
{
    private readonly Dictionary<string, (string Secret, string? Token)> _keys = new(StringComparer.Ordinal);

    public List<(string AccessKeyId, string? Token)> Calls { get; } = [];

    public bool IgnoreTokens { get; init; }

    private static readonly Account Account = new("account-1", "default", true, null, null, null, null, DateTimeOffset.UnixEpoch);

    public FakeCredentialResolver Add(string accessKeyId, string secret, string? token = null)
    {
        _keys[accessKeyId] = (secret, token);
        return this;
    }

    public ValueTask<Result<S3Credential>> ResolveAsync(string accessKeyId, string? sessionToken, CancellationToken cancellationToken)
    {
        Calls.Add((accessKeyId, sessionToken));
        if (!_keys.TryGetValue(accessKeyId, out var key))
        {
            return ValueTask.FromResult<Result<S3Credential>>(StowageErrors.InvalidApiKey);
        }

        if (!IgnoreTokens && !string.Equals(key.Token, sessionToken, StringComparison.Ordinal))
        {
            return ValueTask.FromResult<Result<S3Credential>>(StowageErrors.InvalidCredential);
        }

        return ValueTask.FromResult<Result<S3Credential>>(new S3Credential(accessKeyId, key.Secret, new Principal(Account, CredentialKind.S3AccessKey, accessKeyId, [])));
    }
}
