namespace Stowage.Core.Projects;

/// <summary>POST /projects input (seed 004). Null means the field was absent.</summary>
public sealed record CreateProjectRequest(string? UploadId, string? DownloadLink, string? Title, int? PrivacyMode, string? CoordinateSystem);

/// <summary>POST /projects answer: <c>{"name", "status": 0, "message": "processing_started"}</c>.</summary>
public sealed record ProjectCreated(string Name, int Status, string Message);

/// <summary>A project as GET /projects/{name} shows it; <see cref="Files"/> only once ready.</summary>
public sealed record ProjectView(ProjectRecord Project, IReadOnlyList<ProjectFileRecord> Files);
