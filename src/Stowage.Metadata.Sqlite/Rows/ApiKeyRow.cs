using System.Text.Json;
using Stowage.Core.Accounts;

namespace Stowage.Metadata.Sqlite.Rows;

/// <summary>The api_keys table as Dapper binds and reads it; scopes are a JSON array.</summary>
internal sealed class ApiKeyRow
{
    public const string Columns =
        "id AS Id, account_id AS AccountId, name AS Name, secret_hash AS SecretHash, hint AS Hint, " +
        "scopes AS Scopes, created AS Created, revoked AS Revoked";

    public string Id { get; set; } = "";
    public string AccountId { get; set; } = "";
    public string Name { get; set; } = "";
    public string SecretHash { get; set; } = "";
    public string Hint { get; set; } = "";
    public string Scopes { get; set; } = "[]";
    public long Created { get; set; }
    public long? Revoked { get; set; }

    public static ApiKeyRow From(ApiKeyRecord key) => new()
    {
        Id = key.Id,
        AccountId = key.AccountId,
        Name = key.Name,
        SecretHash = key.SecretHash,
        Hint = key.Hint,
        Scopes = JsonSerializer.Serialize(key.Scopes, SqliteJsonContext.Default.IReadOnlyListString),
        Created = UnixMillis.From(key.Created),
        Revoked = UnixMillis.From(key.Revoked),
    };

    public ApiKeyRecord ToRecord() => new(
        Id, AccountId, Name, SecretHash, Hint,
        JsonSerializer.Deserialize(Scopes, SqliteJsonContext.Default.IReadOnlyListString) ?? [],
        UnixMillis.To(Created), UnixMillis.To(Revoked));
}
