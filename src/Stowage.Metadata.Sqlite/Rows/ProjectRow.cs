using System.Text.Json;
using Stowage.Core.Projects;

namespace Stowage.Metadata.Sqlite.Rows;

/// <summary>The projects table as Dapper binds and reads it; errors are a JSON array.</summary>
internal sealed class ProjectRow
{
    public const string Columns =
        "name AS Name, account_id AS AccountId, title AS Title, state AS State, status AS Status, " +
        "privacy_mode AS PrivacyMode, coordinate_system AS CoordinateSystem, source_upload_id AS SourceUploadId, " +
        "download_link AS DownloadLink, size_bytes AS SizeBytes, created AS Created, updated AS Updated, errors AS Errors";

    public string Name { get; set; } = "";
    public string AccountId { get; set; } = "";
    public string Title { get; set; } = "";
    public string State { get; set; } = "";
    public long Status { get; set; }
    public long PrivacyMode { get; set; }
    public string? CoordinateSystem { get; set; }
    public string? SourceUploadId { get; set; }
    public string? DownloadLink { get; set; }
    public long SizeBytes { get; set; }
    public long Created { get; set; }
    public long Updated { get; set; }
    public string Errors { get; set; } = "[]";

    public static ProjectRow From(ProjectRecord project) => new()
    {
        Name = project.Name,
        AccountId = project.AccountId,
        Title = project.Title,
        State = project.State.ToString(),
        Status = project.Status,
        PrivacyMode = project.PrivacyMode,
        CoordinateSystem = project.CoordinateSystem,
        SourceUploadId = project.SourceUploadId,
        DownloadLink = project.DownloadLink,
        SizeBytes = project.SizeBytes,
        Created = UnixMillis.From(project.Created),
        Updated = UnixMillis.From(project.Updated),
        Errors = JsonSerializer.Serialize(project.Errors, SqliteJsonContext.Default.IReadOnlyListProjectError),
    };

    public ProjectRecord ToRecord() => new(
        Name, AccountId, Title, Enum.Parse<ProjectState>(State), checked((int)Status), checked((int)PrivacyMode),
        CoordinateSystem, SourceUploadId, DownloadLink, SizeBytes, UnixMillis.To(Created), UnixMillis.To(Updated),
        JsonSerializer.Deserialize(Errors, SqliteJsonContext.Default.IReadOnlyListProjectError) ?? []);
}
