namespace Stowage.Core.Projects;

/// <summary>
/// A project (seed 004, POST /projects). <see cref="Status"/> is the wire status: 0 queued, 1..99
/// processing, 100 ready, -1 failed (a Stowage addition, see docs/protocols/sessions.md).
/// </summary>
public sealed record ProjectRecord(
    string Name,
    string AccountId,
    string Title,
    ProjectState State,
    int Status,
    int PrivacyMode,
    string? CoordinateSystem,
    string? SourceUploadId,
    string? DownloadLink,
    long SizeBytes,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    IReadOnlyList<ProjectError> Errors);
