namespace Stowage.Metadata.Sqlite.Schema;

/// <summary>
/// The schema as an ordered list of steps: step i takes <c>user_version</c> from i to i + 1. Never edit
/// a shipped step; append a new one (a database in the field has already run the old ones). The one exception,
/// step 4, was corrected in place because it was wrong for the databases still to run it (it named the internal
/// bucket 'stowage' whatever it was configured as); step 7 repairs those that had run it already.
/// </summary>
internal static class SqliteMigrations
{
    public static readonly IReadOnlyList<string> Steps =
    [
        Migration001Initial.Sql,
        Migration002S3.Sql,
        Migration003MultipartAge.Sql,
        Migration004Blobs.Sql,
        Migration005JobAccounts.Sql,
        Migration006PartsUsage.Sql,
        Migration007InternalBucketAliases.Sql,
    ];
}
