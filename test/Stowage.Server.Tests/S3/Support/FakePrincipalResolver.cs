using Stowage.Core.Errors;
using Stowage.Core.S3;

namespace Stowage.Server.Tests.S3.Support;

/// <summary>
/// Access keys held in memory. A key registered with a token requires exactly that token (InvalidToken
/// otherwise, as the real resolver); <see cref="IgnoreTokens"/> accepts any. Every call is recorded.
/// </summary>
internal sealed class FakePrincipalResolver : IS3PrincipalResolver
{
    private readonly Dictionary<string, (string Secret, string? Token)> _keys = new(StringComparer.Ordinal);

    public List<(string AccessKeyId, string? Token)> Calls { get; } = [];

    public bool IgnoreTokens { get; init; }

    public FakePrincipalResolver Add(string accessKeyId, string secret, string? token = null)
    {
        _keys[accessKeyId] = (secret, token);
        return this;
    }

    public ValueTask<Result<S3Principal>> ResolveAsync(string accessKeyId, string? sessionToken, CancellationToken cancellationToken)
    {
        Calls.Add((accessKeyId, sessionToken));
        if (!_keys.TryGetValue(accessKeyId, out var key))
        {
            return ValueTask.FromResult<Result<S3Principal>>(StowageErrors.InvalidApiKey);
        }

        if (!IgnoreTokens && !string.Equals(key.Token, sessionToken, StringComparison.Ordinal))
        {
            return ValueTask.FromResult<Result<S3Principal>>(StowageErrors.InvalidCredential);
        }

        return ValueTask.FromResult<Result<S3Principal>>(new S3Principal(accessKeyId, key.Secret, "account-1", null, null));
    }
}
