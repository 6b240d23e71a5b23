using Stowage.Core.S3;

namespace Stowage.Metadata.Sqlite.Rows;

/// <summary>The s3_buckets table as Dapper binds and reads it.</summary>
internal sealed class S3BucketRow
{
    public const string Columns = "name AS Name, account_id AS AccountId, created AS Created";

    public string Name { get; set; } = "";
    public string AccountId { get; set; } = "";
    public long Created { get; set; }

    public static S3BucketRow From(S3Bucket bucket) => new()
    {
        Name = bucket.Name,
        AccountId = bucket.AccountId,
        Created = UnixMillis.From(bucket.Created),
    };

    public S3Bucket ToRecord() => new(Name, AccountId, UnixMillis.To(Created));
}
