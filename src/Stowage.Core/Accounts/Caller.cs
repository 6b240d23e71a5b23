namespace Stowage.Core.Accounts;

/// <summary>Who is calling: an authenticated key and its account, as loaded for this request.</summary>
public sealed record Caller(ApiKeyRecord Key, Account Account)
{
    public string AccountId => Account.Id;

    public bool Has(string scope) => Key.Scopes.Contains(scope, StringComparer.Ordinal);
}
