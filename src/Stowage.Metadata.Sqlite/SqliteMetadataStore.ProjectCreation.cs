using Dapper;
using Microsoft.Data.Sqlite;
using Stowage.Core.Jobs;
using Stowage.Core.Projects;
using Stowage.Metadata.Sqlite.Rows;

namespace Stowage.Metadata.Sqlite;

// IProjectStore.CreateProjectAsync: consume the session, insert project, files and job as one unit.
public sealed partial class SqliteMetadataStore
{
    private const string InsertProjectFileSql = """
        INSERT INTO project_files (project_name, path, kind, size, sha256, object_bucket, object_key, from_archive)
        VALUES (@ProjectName, @Path, @Kind, @Size, @Sha256, @ObjectBucket, @ObjectKey, @FromArchive)
        """;

    private const string InsertJobSql = """
        INSERT INTO jobs (id, kind, payload, state, attempts, run_after, created, updated, lease_owner, lease_until, last_error, account_id)
        VALUES (@Id, @Kind, @Payload, @State, @Attempts, @RunAfter, @Created, @Updated, @LeaseOwner, @LeaseUntil, @LastError, @AccountId)
        """;

    public Task<ProjectCreation> CreateProjectAsync(ProjectRecord project, IReadOnlyList<ProjectFileRecord> files, string? consumeSessionId, JobRecord job, int? maxProjects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(job);
        return WriteAsync((connection, transaction) => CreateProjectLockedAsync(connection, transaction, project, files, consumeSessionId, job, maxProjects, cancellationToken), cancellationToken);
    }

    private static async Task<ProjectCreation> CreateProjectLockedAsync(
        SqliteConnection connection, SqliteTransaction transaction, ProjectRecord project, IReadOnlyList<ProjectFileRecord> files,
        string? consumeSessionId, JobRecord job, int? maxProjects, CancellationToken cancellationToken)
    {
        if (consumeSessionId is not null)
        {
            // A missing or expired row reads as null; a row whose project_name is NULL reads as "". An
            // expired session may be losing its bytes already (IUploadStore.ExpireSessionAsync).
            var consumedBy = await connection.QuerySingleOrDefaultAsync<string?>(Command(
                "SELECT COALESCE(project_name, '') FROM upload_sessions WHERE id = @consumeSessionId AND (project_name IS NOT NULL OR expires_at > @now)",
                new { consumeSessionId, now = UnixMillis.From(project.Created) }, cancellationToken, transaction));
            if (consumedBy is null)
            {
                return new ProjectCreation(ProjectCreationOutcome.SessionGone, null);
            }

            if (consumedBy.Length > 0)
            {
                return new ProjectCreation(ProjectCreationOutcome.SessionConsumed, consumedBy);
            }
        }

        // Counted inside the write transaction, which SQLite runs one at a time: no two creations both see room.
        if (maxProjects is { } max && await connection.ExecuteScalarAsync<long>(Command(
                "SELECT COUNT(*) FROM projects WHERE account_id = @AccountId", new { project.AccountId }, cancellationToken, transaction)) >= max)
        {
            return new ProjectCreation(ProjectCreationOutcome.LimitReached, null);
        }

        var taken = await connection.ExecuteScalarAsync<long>(Command(
            "SELECT COUNT(*) FROM projects WHERE name = @Name", new { project.Name }, cancellationToken, transaction));
        if (taken != 0)
        {
            return new ProjectCreation(ProjectCreationOutcome.NameTaken, null);
        }

        if (consumeSessionId is not null)
        {
            await connection.ExecuteAsync(Command(
                "UPDATE upload_sessions SET project_name = @Name WHERE id = @consumeSessionId",
                new { project.Name, consumeSessionId }, cancellationToken, transaction));
        }

        await connection.ExecuteAsync(Command(InsertProjectSql, ProjectRow.From(project), cancellationToken, transaction));
        if (files.Count > 0)
        {
            // Dapper runs the statement once per element, reusing one prepared command.
            await connection.ExecuteAsync(Command(InsertProjectFileSql, files.Select(ProjectFileRow.From).ToList(), cancellationToken, transaction));
        }

        await connection.ExecuteAsync(Command(InsertJobSql, JobRow.From(job), cancellationToken, transaction));
        return new ProjectCreation(ProjectCreationOutcome.Created, null);
    }
}
