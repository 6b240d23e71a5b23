using Dapper;
using Stowage.Core.Projects;
using Stowage.Metadata.Sqlite.Rows;

namespace Stowage.Metadata.Sqlite;

// IProjectStore: reading and updating projects and their files. Creation is in .ProjectCreation.cs.
public sealed partial class SqliteMetadataStore
{
    private const string InsertProjectSql = """
        INSERT INTO projects (name, account_id, title, state, status, privacy_mode, coordinate_system, source_upload_id,
            download_link, size_bytes, created, updated, errors)
        VALUES (@Name, @AccountId, @Title, @State, @Status, @PrivacyMode, @CoordinateSystem, @SourceUploadId,
            @DownloadLink, @SizeBytes, @Created, @Updated, @Errors)
        """;

    public async Task<ProjectRecord?> GetProjectAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ProjectRow>(Command(
            $"SELECT {ProjectRow.Columns} FROM projects WHERE name = @name", new { name }, cancellationToken));
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<ProjectRecord>> ListProjectsAsync(string accountId, int offset, int limit, CancellationToken cancellationToken)
    {
        // rowid breaks ties between projects created in the same millisecond: later insert is newer.
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ProjectRow>(Command(
            $"SELECT {ProjectRow.Columns} FROM projects WHERE account_id = @accountId AND state <> 'Deleting' ORDER BY created DESC, rowid DESC LIMIT @limit OFFSET @offset",
            new { accountId, offset, limit }, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task<int> CountProjectsAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(Command(
            "SELECT COUNT(*) FROM projects WHERE account_id = @accountId AND state <> 'Deleting'", new { accountId }, cancellationToken));
    }

    public async Task UpdateProjectAsync(ProjectRecord project, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Command(
            """
            UPDATE projects SET state = @State, status = @Status, size_bytes = @SizeBytes, updated = @Updated, errors = @Errors
            WHERE name = @Name AND state <> 'Deleting'
            """, ProjectRow.From(project), cancellationToken));
    }

    public Task<bool> DeleteProjectAsync(string name, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(Command("DELETE FROM project_files WHERE project_name = @name", new { name }, cancellationToken, transaction));
            return await connection.ExecuteAsync(Command("DELETE FROM projects WHERE name = @name", new { name }, cancellationToken, transaction)) == 1;
        }, cancellationToken);

    public async Task<IReadOnlyList<ProjectFileRecord>> ListProjectFilesAsync(string projectName, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ProjectFileRow>(Command(
            $"SELECT {ProjectFileRow.Columns} FROM project_files WHERE project_name = @projectName ORDER BY path",
            new { projectName }, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task<IReadOnlyList<ProjectFileRecord>> ListProjectFilesAsync(string projectName, string pathPrefix, string? afterPath, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pathPrefix);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (limit == 0)
        {
            return [];
        }

        // One range scan of the primary key (project_name, path), as an S3 listing scans (bucket, key).
        var bounds = S3KeyBounds.For("path", pathPrefix, afterPath, markerInclusive: false);
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ProjectFileRow>(Command(
            ListProjectFilesSql(bounds), new { projectName, lower = bounds.Lower, upper = bounds.Upper, limit }, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    /// <summary>The ranged listing of a project's files; its plan (a SEARCH of the primary key, no sort) is checked by the tests.</summary>
    internal static string ListProjectFilesSql(S3KeyBounds bounds) =>
        $"SELECT {ProjectFileRow.Columns} FROM project_files WHERE project_name = @projectName AND {bounds.Sql} ORDER BY path LIMIT @limit";

    /// <summary>
    /// One statement, so the project's state is read and the row written under the same write lock: a DELETE
    /// marks the project Deleting in a write of its own, either before (nothing is written here) or after (the
    /// deletion then lists this file).
    /// </summary>
    public async Task<bool> UpsertProjectFileAsync(ProjectFileRecord file, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(Command(
            """
            INSERT INTO project_files (project_name, path, kind, size, sha256, object_bucket, object_key, from_archive)
            SELECT @ProjectName, @Path, @Kind, @Size, @Sha256, @ObjectBucket, @ObjectKey, @FromArchive
            WHERE EXISTS (SELECT 1 FROM projects WHERE name = @ProjectName AND state <> 'Deleting')
            ON CONFLICT (project_name, path) DO UPDATE SET kind = excluded.kind, size = excluded.size, sha256 = excluded.sha256,
                object_bucket = excluded.object_bucket, object_key = excluded.object_key, from_archive = excluded.from_archive
            """, ProjectFileRow.From(file), cancellationToken)) == 1;
    }

    public async Task DeleteProjectFilesAsync(string projectName, ProjectFileKind kind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Command(
            "DELETE FROM project_files WHERE project_name = @projectName AND kind = @kind",
            new { projectName, kind = kind.ToString() }, cancellationToken));
    }
}
