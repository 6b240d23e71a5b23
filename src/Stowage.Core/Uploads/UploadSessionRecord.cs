namespace Stowage.Core.Uploads;

/// <summary>
/// A resumable upload session (seed 004, POST /uploads). <see cref="ProjectName"/> is set once a
/// project was created from it: the session is then consumed and its files belong to the project.
/// </summary>
public sealed record UploadSessionRecord(
    string Id,
    string AccountId,
    DateTimeOffset Created,
    DateTimeOffset ExpiresAt,
    string? ProjectName);
