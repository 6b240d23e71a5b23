namespace Stowage.Core.Projects;

/// <summary>A project file's record and its bytes, opened for reading from the start (the stream is seekable).</summary>
public sealed record ProjectFileContent(ProjectRecord Project, ProjectFileRecord File, Stream Content);
