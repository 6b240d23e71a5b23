using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Stowage.Core.Accounts;
using Stowage.Core.S3;
using Stowage.Core.Storage;
using Stowage.Metadata.Sqlite.Schema;

namespace Stowage.Metadata.Sqlite.Tests;

/// <summary>What the S3 conformance tests cannot see: how keys are stored, query plans, migration, constraints.</summary>
public sealed class SqliteS3StoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly Dictionary<string, string> NoHeaders = [];
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    private async Task<SqliteMetadataStore> NewInitializedStoreAsync()
    {
        var store = database.NewStore();
        await store.InitializeAsync(Ct);
        return store;
    }

    [Fact]
    public async Task Keys_AreStoredAsUtf8Text_SoBinaryCollationOrdersThemByUtf8Bytes()
    {
        using var store = await NewInitializedStoreAsync();
        const string key = "é/\U0001F600 a%_";
        await store.PutObjectAsync(new S3ObjectRecord("b", key, 1, "e", T0, NoHeaders, null, null, new ObjectRef("stowage", "objects/x")), T0, null, Ct);
        await using var connection = await store.OpenAsync(Ct);

        (await connection.ExecuteScalarAsync<string>("PRAGMA encoding")).ShouldBe("UTF-8");
        (await connection.ExecuteScalarAsync<string>("SELECT typeof(key) FROM s3_objects")).ShouldBe("text");
        (await connection.ExecuteScalarAsync<string>("SELECT hex(key) FROM s3_objects")).ShouldBe(Convert.ToHexString(Encoding.UTF8.GetBytes(key)));
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("photos/", null)]
    [InlineData("photos/", "photos/010.jpg")]
    [InlineData("", "m")]
    [InlineData("\U0010FFFF", null)]
    public async Task ListObjects_IsOneRangeSearchOfThePrimaryKey_WithoutASort(string prefix, string? startAfter)
    {
        using var store = await NewInitializedStoreAsync();
        var bounds = S3KeyBounds.For("key", prefix, startAfter, markerInclusive: false);

        var plan = await PlanAsync(store, SqliteMetadataStore.ListObjectsSql(bounds), bounds);

        // EXPLAIN QUERY PLAN writes both > and >= as "key>?".
        plan.ShouldBe(bounds.Upper is null
            ? "SEARCH s3_objects USING PRIMARY KEY (bucket=? AND key>?)"
            : "SEARCH s3_objects USING PRIMARY KEY (bucket=? AND key>? AND key<?)");
        plan.ShouldNotContain("TEMP B-TREE");
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("floor1/", null)]
    [InlineData("floor1/", "floor1/a.jpg")]
    public async Task ListProjectFiles_APage_IsOneRangeSearchOfThePrimaryKey_WithoutASort(string prefix, string? after)
    {
        // The projects bucket (docs/protocols/s3.md) lists a project's files as an S3 listing lists a bucket's keys.
        using var store = await NewInitializedStoreAsync();
        var bounds = S3KeyBounds.For("path", prefix, after, markerInclusive: false);
        await using var connection = await store.OpenAsync(Ct);

        var rows = await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN " + SqliteMetadataStore.ListProjectFilesSql(bounds),
            new { projectName = "p", lower = bounds.Lower, upper = bounds.Upper, limit = 10 });
        var plan = string.Join(" | ", rows.Select(r => r.Detail));

        plan.ShouldBe(bounds.Upper is null
            ? "SEARCH project_files USING PRIMARY KEY (project_name=? AND path>?)"
            : "SEARCH project_files USING PRIMARY KEY (project_name=? AND path>? AND path<?)");
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task ListMultipartUploads_IsOneRangeSearchOfTheKeyIndex_WithoutASort(bool resumeWithinKey, bool markerFound)
    {
        using var store = await NewInitializedStoreAsync();
        var bounds = S3KeyBounds.For("key", "raw/", resumeWithinKey ? "raw/b" : null, markerInclusive: resumeWithinKey);

        var plan = await PlanAsync(store, SqliteMetadataStore.ListUploadsSql(bounds, resumeWithinKey, markerFound), bounds);

        plan.ShouldStartWith("SEARCH s3_multipart_uploads USING INDEX s3_multipart_uploads_by_key (bucket=? AND key>? AND key<?)");
        plan.ShouldNotContain("TEMP B-TREE");
    }

    [Fact]
    public async Task ListMultipartUploadsInitiatedBy_IsOneRangeSearchOfTheAgeIndex_WithoutASort()
    {
        using var store = await NewInitializedStoreAsync();

        var plan = await PlanAsync(store, SqliteMetadataStore.ListInitiatedBySql, S3KeyBounds.For("key", "", null, markerInclusive: false));

        plan.ShouldBe("SEARCH s3_multipart_uploads USING INDEX s3_multipart_uploads_by_initiated (initiated<?)");
    }

    [Fact]
    public async Task Migration_TakesADatabaseAtVersionOne_ToTheLatest_KeepingItsData()
    {
        await using (var connection = new SqliteConnection($"Data Source={database.DatabasePath}"))
        {
            await connection.OpenAsync(Ct);
            await connection.ExecuteAsync(Migration001Initial.Sql + "PRAGMA user_version = 1;");
            await connection.ExecuteAsync("INSERT INTO accounts (id, name, upload_allowed, created) VALUES ('a1', 'one', 1, 0)");
        }

        SqliteConnection.ClearAllPools();
        using var store = await NewInitializedStoreAsync();

        (await store.GetAccountAsync("a1", Ct)).ShouldBe(new Account("a1", "one", true, null, null, null, null, DateTimeOffset.UnixEpoch));
        (await store.CreateBucketAsync(new S3Bucket("b", "a1", T0), Ct)).ShouldBeTrue();
        await using var check = await store.OpenAsync(Ct);
        (await check.ExecuteScalarAsync<long>("PRAGMA user_version")).ShouldBe(SqliteMigrations.Steps.Count);
    }

    [Fact]
    public async Task Migration_GivesObjectsAndUploadsFromBeforeBlobs_TheirOldAddressAsTheirBlob()
    {
        await using (var connection = new SqliteConnection($"Data Source={database.DatabasePath}"))
        {
            await connection.OpenAsync(Ct);
            await connection.ExecuteAsync(Migration001Initial.Sql + Migration002S3.Sql + Migration003MultipartAge.Sql + "PRAGMA user_version = 3;");
            await connection.ExecuteAsync(
                """
                INSERT INTO s3_objects (bucket, key, size, etag, last_modified, headers) VALUES ('photos', 'a/b.jpg', 3, 'e', 0, '{}');
                INSERT INTO s3_multipart_uploads (upload_id, bucket, key, account_id, initiated, headers) VALUES ('up1', 'photos', 'big.e57', 'a1', 0, '{}');
                INSERT INTO s3_objects (bucket, key, size, etag, last_modified, headers) VALUES ('stowage', 'sessions/up/scan.e57', 3, 'e', 0, '{}');
                INSERT INTO s3_objects (bucket, key, size, etag, last_modified, headers) VALUES ('stowage', 'photos/own.jpg', 3, 'e', 0, '{}');
                INSERT INTO s3_multipart_uploads (upload_id, bucket, key, account_id, initiated, headers) VALUES ('up2', 'stowage', 'projects/p/x.jpg', 'a1', 0, '{}');
                INSERT INTO s3_parts (upload_id, part_number, size, etag, last_modified) VALUES ('up2', 1, 3, 'e', 0);
                """);
        }

        SqliteConnection.ClearAllPools();
        using var store = await NewInitializedStoreAsync();

        (await store.GetObjectAsync("photos", "a/b.jpg", Ct))!.Blob.ShouldBe(new ObjectRef("photos", "a/b.jpg"));
        (await store.GetMultipartUploadAsync("up1", Ct))!.Blob.ShouldBe(new ObjectRef("photos", "big.e57"));

        // A bucket named like the internal one shared its keys with session and project files: those rows go.
        (await store.GetObjectAsync("stowage", "sessions/up/scan.e57", Ct)).ShouldBeNull();
        (await store.GetMultipartUploadAsync("up2", Ct)).ShouldBeNull();
        (await store.ListPartsAsync("up2", 0, 10, Ct)).ShouldBeEmpty();
        (await store.GetObjectAsync("stowage", "photos/own.jpg", Ct))!.Blob.ShouldBe(new ObjectRef("stowage", "photos/own.jpg"));
        (await store.ListDueBlobReclaimsAsync(DateTimeOffset.MaxValue, 10, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Migration_DropsTheAliasesOfTheConfiguredInternalBucket_AndKeepsABucketNamedStowageThatIsNotIt()
    {
        await using (var connection = new SqliteConnection($"Data Source={database.DatabasePath}"))
        {
            await connection.OpenAsync(Ct);
            await connection.ExecuteAsync(Migration001Initial.Sql + Migration002S3.Sql + Migration003MultipartAge.Sql + "PRAGMA user_version = 3;");
            await connection.ExecuteAsync(
                """
                INSERT INTO s3_buckets (name, account_id, created) VALUES ('internal', 'a1', 0);
                INSERT INTO s3_buckets (name, account_id, created) VALUES ('stowage', 'a2', 0);
                INSERT INTO s3_objects (bucket, key, size, etag, last_modified, headers) VALUES ('internal', 'sessions/up/scan.e57', 3, 'e', 0, '{}');
                INSERT INTO s3_objects (bucket, key, size, etag, last_modified, headers) VALUES ('internal', 'photos/own.jpg', 5, 'e', 0, '{}');
                INSERT INTO s3_multipart_uploads (upload_id, bucket, key, account_id, initiated, headers) VALUES ('up1', 'internal', 'projects/p/x.jpg', 'a1', 0, '{}');
                INSERT INTO s3_parts (upload_id, part_number, size, etag, last_modified) VALUES ('up1', 1, 3, 'e', 0);
                INSERT INTO s3_objects (bucket, key, size, etag, last_modified, headers) VALUES ('stowage', 'sessions/mine/scan.e57', 7, 'e', 0, '{}');
                INSERT INTO s3_multipart_uploads (upload_id, bucket, key, account_id, initiated, headers) VALUES ('up2', 'stowage', 'projects/mine.jpg', 'a2', 0, '{}');
                INSERT INTO s3_parts (upload_id, part_number, size, etag, last_modified) VALUES ('up2', 1, 11, 'e', 0);
                """);
        }

        SqliteConnection.ClearAllPools();
        using var store = database.NewStore(internalBucket: "internal");
        await store.InitializeAsync(Ct);

        // The configured internal bucket ('internal') held the session and project files: an S3 bucket of that name
        // only aliased them under sessions/ and projects/, so those rows go; its other objects stay.
        (await store.GetObjectAsync("internal", "sessions/up/scan.e57", Ct)).ShouldBeNull();
        (await store.GetMultipartUploadAsync("up1", Ct)).ShouldBeNull();
        (await store.ListPartsAsync("up1", 0, 10, Ct)).ShouldBeEmpty();
        (await store.GetObjectAsync("internal", "photos/own.jpg", Ct))!.Blob.ShouldBe(new ObjectRef("internal", "photos/own.jpg"));
        (await store.GetAccountUsageAsync("a1", Ct)).ShouldBe(5);

        // A bucket named 'stowage' was an ordinary bucket here: its objects had bytes of their own, and stay.
        (await store.GetObjectAsync("stowage", "sessions/mine/scan.e57", Ct))!.Blob.ShouldBe(new ObjectRef("stowage", "sessions/mine/scan.e57"));
        (await store.GetMultipartUploadAsync("up2", Ct))!.Blob.ShouldBe(new ObjectRef("stowage", "projects/mine.jpg"));
        (await store.GetAccountUsageAsync("a2", Ct)).ShouldBe(7 + 11);
    }

    [Fact]
    public async Task Migration_DropsAliasesOfTheInternalBucket_ThatAnEarlierStepFourKeptUnderAnotherName()
    {
        // Step 4 once assumed the internal bucket was 'stowage': a database migrated then with another name still
        // has S3 rows whose blob is a session or project file.
        await using (var connection = new SqliteConnection($"Data Source={database.DatabasePath}"))
        {
            await connection.OpenAsync(Ct);
            await connection.ExecuteAsync(string.Concat(SqliteMigrations.Steps.Take(6)) + "PRAGMA user_version = 6;", new { internalBucket = "stowage" });
            await connection.ExecuteAsync(
                """
                INSERT INTO s3_buckets (name, account_id, created, used_bytes, parts_bytes) VALUES ('internal', 'a1', 0, 8, 3);
                INSERT INTO s3_objects (bucket, key, size, etag, last_modified, headers, blob_bucket, blob_key) VALUES ('internal', 'sessions/up/scan.e57', 3, 'e', 0, '{}', 'internal', 'sessions/up/scan.e57');
                INSERT INTO s3_objects (bucket, key, size, etag, last_modified, headers, blob_bucket, blob_key) VALUES ('internal', 'photos/own.jpg', 5, 'e', 0, '{}', 'internal', 'photos/own.jpg');
                INSERT INTO s3_multipart_uploads (upload_id, bucket, key, account_id, initiated, headers, blob_bucket, blob_key) VALUES ('up1', 'internal', 'projects/p/x.jpg', 'a1', 0, '{}', 'internal', 'projects/p/x.jpg');
                INSERT INTO s3_parts (upload_id, part_number, size, etag, last_modified) VALUES ('up1', 1, 3, 'e', 0);
                """);
        }

        SqliteConnection.ClearAllPools();
        using var store = database.NewStore(internalBucket: "internal");
        await store.InitializeAsync(Ct);

        (await store.GetObjectAsync("internal", "sessions/up/scan.e57", Ct)).ShouldBeNull();
        (await store.GetMultipartUploadAsync("up1", Ct)).ShouldBeNull();
        (await store.ListPartsAsync("up1", 0, 10, Ct)).ShouldBeEmpty();
        (await store.GetObjectAsync("internal", "photos/own.jpg", Ct)).ShouldNotBeNull();
        (await store.GetAccountUsageAsync("a1", Ct)).ShouldBe(5);
    }

    [Fact]
    public async Task Migration_CountsThePartsOfUploadsOpenBeforeIt_TowardTheirAccountsUsage()
    {
        await using (var connection = new SqliteConnection($"Data Source={database.DatabasePath}"))
        {
            await connection.OpenAsync(Ct);
            await connection.ExecuteAsync(string.Concat(SqliteMigrations.Steps.Take(5)) + "PRAGMA user_version = 5;", new { internalBucket = "stowage" });
            await connection.ExecuteAsync(
                """
                INSERT INTO accounts (id, name, upload_allowed, created) VALUES ('a1', 'one', 1, 0);
                INSERT INTO s3_buckets (name, account_id, created, used_bytes) VALUES ('photos', 'a1', 0, 3);
                INSERT INTO s3_buckets (name, account_id, created) VALUES ('empty', 'a1', 0);
                INSERT INTO s3_multipart_uploads (upload_id, bucket, key, account_id, initiated, headers, blob_bucket, blob_key) VALUES ('up1', 'photos', 'a', 'a1', 0, '{}', 'stowage', 'objects/1');
                INSERT INTO s3_multipart_uploads (upload_id, bucket, key, account_id, initiated, headers, blob_bucket, blob_key) VALUES ('up2', 'photos', 'b', 'a1', 0, '{}', 'stowage', 'objects/2');
                INSERT INTO s3_parts (upload_id, part_number, size, etag, last_modified) VALUES ('up1', 1, 100, 'e', 0);
                INSERT INTO s3_parts (upload_id, part_number, size, etag, last_modified) VALUES ('up1', 2, 20, 'e', 0);
                INSERT INTO s3_parts (upload_id, part_number, size, etag, last_modified) VALUES ('up2', 1, 7, 'e', 0);
                """);
        }

        SqliteConnection.ClearAllPools();
        using var store = await NewInitializedStoreAsync();

        (await store.GetAccountUsageAsync("a1", Ct)).ShouldBe(3 + 100 + 20 + 7);
        (await store.DeleteMultipartUploadAsync("up1", T0, Ct)).ShouldNotBeNull();
        (await store.GetAccountUsageAsync("a1", Ct)).ShouldBe(3 + 7);
    }

    [Fact]
    public async Task ListDueBlobReclaims_IsOneRangeSearchOfTheDueIndex_WithoutASort()
    {
        using var store = await NewInitializedStoreAsync();
        await using var connection = await store.OpenAsync(Ct);

        var rows = await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN " + SqliteMetadataStore.ListDueReclaimsSql, new { now = 0L, limit = 10 });

        string.Join(" | ", rows.Select(r => r.Detail)).ShouldBe("SEARCH blob_reclaims USING INDEX blob_reclaims_by_due (due<?)");
    }

    [Fact]
    public async Task GetOrAddSecret_TwoStoresOnOneFile_AgreeOnOneValue()
    {
        using var a = await NewInitializedStoreAsync();
        using var b = database.NewStore();

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            (i % 2 == 0 ? a : b).GetOrAddSecretAsync("session-token", [(byte)i, 1, 2, 3], Ct))));

        results.Select(Convert.ToHexString).Distinct().Count().ShouldBe(1);
    }

    /// <summary>The plan's detail lines joined with " | ", for a query with every parameter bound.</summary>
    private static async Task<string> PlanAsync(SqliteMetadataStore store, string sql, S3KeyBounds bounds)
    {
        await using var connection = await store.OpenAsync(Ct);
        var rows = await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN " + sql,
            new { bucket = "b", lower = bounds.Lower, upper = bounds.Upper, keyMarker = "raw/b", uploadIdMarker = "u", markerInitiated = 0L, initiatedBy = 0L, limit = 10 });
        return string.Join(" | ", rows.Select(r => r.Detail));
    }
}
