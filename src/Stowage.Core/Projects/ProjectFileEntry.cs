namespace Stowage.Core.Projects;

/// <summary>A project file found for an account: the project it belongs to and its record (which names its blob).</summary>
public sealed record ProjectFileEntry(ProjectRecord Project, ProjectFileRecord File);
