using Stowage.Core.Uploads;

namespace Stowage.Metadata.Sqlite.Rows;

/// <summary>The upload_sessions table as Dapper binds and reads it.</summary>
internal sealed class UploadSessionRow
{
    public const string Columns =
        "id AS Id, account_id AS AccountId, created AS Created, expires_at AS ExpiresAt, project_name AS ProjectName";

    public string Id { get; set; } = "";
    public string AccountId { get; set; } = "";
    public long Created { get; set; }
    public long ExpiresAt { get; set; }
    public string? ProjectName { get; set; }

    public static UploadSessionRow From(UploadSessionRecord session) => new()
    {
        Id = session.Id,
        AccountId = session.AccountId,
        Created = UnixMillis.From(session.Created),
        ExpiresAt = UnixMillis.From(session.ExpiresAt),
        ProjectName = session.ProjectName,
    };

    public UploadSessionRecord ToRecord() =>
        new(Id, AccountId, UnixMillis.To(Created), UnixMillis.To(ExpiresAt), ProjectName);
}
