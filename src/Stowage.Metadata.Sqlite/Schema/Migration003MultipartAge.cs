namespace Stowage.Metadata.Sqlite.Schema;

/// <summary>
/// Open multipart uploads by age, for the sweep that aborts abandoned ones
/// (<c>IS3Store.ListMultipartUploadsInitiatedByAsync</c>): oldest first, one range scan.
/// </summary>
internal static class Migration003MultipartAge
{
    public const string Sql = """
        CREATE INDEX s3_multipart_uploads_by_initiated ON s3_multipart_uploads (initiated, upload_id);
        """;
}
