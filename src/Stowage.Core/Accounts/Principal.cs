using Stowage.Core.S3;

namespace Stowage.Core.Accounts;

/// <summary>
/// Who is calling, whatever door the request came in by: the account acting, as loaded for this request, and
/// the credential it used with what that credential carries (a Sessions key's scopes, a temporary credential's
/// one object and expiry). Every door turns its credential into one of these, and
/// <see cref="AccountPolicy"/> decides from it what the call may do (docs/ARCHITECTURE.md, "Identity and policy").
/// </summary>
/// <param name="Account">The account acting.</param>
/// <param name="Kind">The kind of credential.</param>
/// <param name="KeyId">The credential's id (an API key id, an access key id): what request budgets are counted on.</param>
/// <param name="Scopes">A Sessions key's scopes (<see cref="Accounts.Scopes"/>); empty for S3 credentials.</param>
/// <param name="ObjectScope">A temporary credential's one bucket and key; null for every other credential.</param>
/// <param name="Expires">When a temporary credential expires; null for the others.</param>
public sealed record Principal(
    Account Account,
    CredentialKind Kind,
    string KeyId,
    IReadOnlyList<string> Scopes,
    S3KeyScope? ObjectScope = null,
    DateTimeOffset? Expires = null)
{
    public string AccountId => Account.Id;

    public bool Has(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);
}
