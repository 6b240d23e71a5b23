using Stowage.Core.S3;

namespace Stowage.Metadata.Sqlite.Rows;

/// <summary>The s3_access_keys table as Dapper binds and reads it.</summary>
internal sealed class S3AccessKeyRow
{
    public const string Columns =
        "access_key_id AS AccessKeyId, secret_access_key AS SecretAccessKey, account_id AS AccountId, created AS Created, revoked AS Revoked";

    public string AccessKeyId { get; set; } = "";
    public string SecretAccessKey { get; set; } = "";
    public string AccountId { get; set; } = "";
    public long Created { get; set; }
    public long? Revoked { get; set; }

    public static S3AccessKeyRow From(S3AccessKeyRecord key) => new()
    {
        AccessKeyId = key.AccessKeyId,
        SecretAccessKey = key.SecretAccessKey,
        AccountId = key.AccountId,
        Created = UnixMillis.From(key.Created),
        Revoked = UnixMillis.From(key.Revoked),
    };

    public S3AccessKeyRecord ToRecord() => new(AccessKeyId, SecretAccessKey, AccountId, UnixMillis.To(Created), UnixMillis.To(Revoked));
}
