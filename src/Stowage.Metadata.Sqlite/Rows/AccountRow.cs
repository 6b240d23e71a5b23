using Stowage.Core.Accounts;

namespace Stowage.Metadata.Sqlite.Rows;

/// <summary>The accounts table as Dapper binds and reads it.</summary>
internal sealed class AccountRow
{
    public const string Columns =
        "id AS Id, name AS Name, upload_allowed AS UploadAllowed, quota_bytes AS QuotaBytes, " +
        "max_file_bytes AS MaxFileBytes, max_session_bytes AS MaxSessionBytes, max_projects AS MaxProjects, created AS Created";

    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public long UploadAllowed { get; set; }
    public long? QuotaBytes { get; set; }
    public long? MaxFileBytes { get; set; }
    public long? MaxSessionBytes { get; set; }
    public long? MaxProjects { get; set; }
    public long Created { get; set; }

    public static AccountRow From(Account account) => new()
    {
        Id = account.Id,
        Name = account.Name,
        UploadAllowed = account.UploadAllowed ? 1 : 0,
        QuotaBytes = account.QuotaBytes,
        MaxFileBytes = account.MaxFileBytes,
        MaxSessionBytes = account.MaxSessionBytes,
        MaxProjects = account.MaxProjects,
        Created = UnixMillis.From(account.Created),
    };

    public Account ToRecord() => new(
        Id, Name, UploadAllowed != 0, QuotaBytes, MaxFileBytes, MaxSessionBytes,
        MaxProjects is { } max ? checked((int)max) : null, UnixMillis.To(Created));
}
