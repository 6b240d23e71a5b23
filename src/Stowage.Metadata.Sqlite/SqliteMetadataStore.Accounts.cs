using Dapper;
using Stowage.Core.Accounts;
using Stowage.Metadata.Sqlite.Rows;

namespace Stowage.Metadata.Sqlite;

// IAccountStore: accounts and API keys.
public sealed partial class SqliteMetadataStore
{
    public async Task<Account?> GetAccountAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(Command(
            $"SELECT {AccountRow.Columns} FROM accounts WHERE id = @id", new { id }, cancellationToken));
        return row?.ToRecord();
    }

    public async Task<Account?> FindAccountByNameAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(Command(
            $"SELECT {AccountRow.Columns} FROM accounts WHERE name = @name", new { name }, cancellationToken));
        return row?.ToRecord();
    }

    public async Task<bool> CreateAccountAsync(Account account, CancellationToken cancellationToken)
    {
        // Only a name clash is an expected outcome; a reused id is a caller bug and still throws.
        await using var connection = await OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(Command(
            """
            INSERT INTO accounts (id, name, upload_allowed, quota_bytes, max_file_bytes, max_session_bytes, max_projects, created)
            VALUES (@Id, @Name, @UploadAllowed, @QuotaBytes, @MaxFileBytes, @MaxSessionBytes, @MaxProjects, @Created)
            ON CONFLICT (name) DO NOTHING
            """, AccountRow.From(account), cancellationToken));
        return inserted == 1;
    }

    public async Task<bool> UpdateAccountAsync(Account account, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(Command(
            """
            UPDATE accounts SET upload_allowed = @UploadAllowed, quota_bytes = @QuotaBytes, max_file_bytes = @MaxFileBytes,
                max_session_bytes = @MaxSessionBytes, max_projects = @MaxProjects
            WHERE id = @Id
            """, AccountRow.From(account), cancellationToken));
        return updated == 1;
    }

    public async Task<IReadOnlyList<Account>> ListAccountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AccountRow>(Command(
            $"SELECT {AccountRow.Columns} FROM accounts ORDER BY created, rowid", null, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task CreateKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Command(
            """
            INSERT INTO api_keys (id, account_id, name, secret_hash, hint, scopes, created, revoked)
            VALUES (@Id, @AccountId, @Name, @SecretHash, @Hint, @Scopes, @Created, @Revoked)
            """, ApiKeyRow.From(key), cancellationToken));
    }

    public async Task<ApiKeyRecord?> FindKeyBySecretHashAsync(string secretHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(Command(
            $"SELECT {ApiKeyRow.Columns} FROM api_keys WHERE secret_hash = @secretHash", new { secretHash }, cancellationToken));
        return row?.ToRecord();
    }

    public async Task<ApiKeyRecord?> GetKeyAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(Command(
            $"SELECT {ApiKeyRow.Columns} FROM api_keys WHERE id = @id", new { id }, cancellationToken));
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListKeysAsync(string? accountId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var sql = accountId is null
            ? $"SELECT {ApiKeyRow.Columns} FROM api_keys ORDER BY created, rowid"
            : $"SELECT {ApiKeyRow.Columns} FROM api_keys WHERE account_id = @accountId ORDER BY created, rowid";
        var rows = await connection.QueryAsync<ApiKeyRow>(Command(sql, new { accountId }, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task<bool> RevokeKeyAsync(string id, DateTimeOffset when, CancellationToken cancellationToken)
    {
        // COALESCE keeps the first revocation time; the row still counts as changed, so an existing key returns true.
        await using var connection = await OpenAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(Command(
            "UPDATE api_keys SET revoked = COALESCE(revoked, @when) WHERE id = @id",
            new { id, when = UnixMillis.From(when) }, cancellationToken));
        return updated == 1;
    }
}
