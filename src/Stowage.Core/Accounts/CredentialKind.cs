namespace Stowage.Core.Accounts;

/// <summary>What a caller proved who it is with. Later doors add theirs (Portal tokens, Links keys).</summary>
public enum CredentialKind
{
    /// <summary>A Sessions API key (<c>Authorization: Bearer sk_…</c>), with its scopes.</summary>
    ApiKey,

    /// <summary>An account's long-lived S3 access key (AKIA…): the account's own S3 access.</summary>
    S3AccessKey,

    /// <summary>A temporary S3 credential (ASIA… with a session token), limited to one bucket and key.</summary>
    TemporaryCredential,
}
