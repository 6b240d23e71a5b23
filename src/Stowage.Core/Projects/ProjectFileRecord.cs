using Stowage.Core.Storage;

namespace Stowage.Core.Projects;

/// <summary>
/// A file of a project. <see cref="Path"/> is its name in the project: a flat name for uploaded files,
/// a relative path ('/'-separated, sanitized) for entries unpacked from an archive.
/// <see cref="Sha256"/> is lowercase hex, null until processing has hashed the file.
/// </summary>
public sealed record ProjectFileRecord(
    string ProjectName,
    string Path,
    ProjectFileKind Kind,
    long Size,
    string? Sha256,
    ObjectRef Object,
    string? FromArchive);

public enum ProjectFileKind
{
    /// <summary>Uploaded as is (or fetched from a download link).</summary>
    Uploaded,

    /// <summary>Unpacked from the project's archive.</summary>
    Extracted,
}
