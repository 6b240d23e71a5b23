namespace Stowage.Core.Accounts;

/// <summary>
/// An account owns keys, upload sessions, projects, a storage quota and limits.
/// A null limit means "use the server-wide default from configuration".
/// </summary>
public sealed record Account(
    string Id,
    string Name,
    bool UploadAllowed,
    long? QuotaBytes,
    long? MaxFileBytes,
    long? MaxSessionBytes,
    int? MaxProjects,
    DateTimeOffset Created);
