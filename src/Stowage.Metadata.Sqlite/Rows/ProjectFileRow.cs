using Stowage.Core.Projects;
using Stowage.Core.Storage;

namespace Stowage.Metadata.Sqlite.Rows;

/// <summary>The project_files table as Dapper binds and reads it.</summary>
internal sealed class ProjectFileRow
{
    public const string Columns =
        "project_name AS ProjectName, path AS Path, kind AS Kind, size AS Size, sha256 AS Sha256, " +
        "object_bucket AS ObjectBucket, object_key AS ObjectKey, from_archive AS FromArchive";

    public string ProjectName { get; set; } = "";
    public string Path { get; set; } = "";
    public string Kind { get; set; } = "";
    public long Size { get; set; }
    public string? Sha256 { get; set; }
    public string ObjectBucket { get; set; } = "";
    public string ObjectKey { get; set; } = "";
    public string? FromArchive { get; set; }

    public static ProjectFileRow From(ProjectFileRecord file) => new()
    {
        ProjectName = file.ProjectName,
        Path = file.Path,
        Kind = file.Kind.ToString(),
        Size = file.Size,
        Sha256 = file.Sha256,
        ObjectBucket = file.Object.Bucket,
        ObjectKey = file.Object.Key,
        FromArchive = file.FromArchive,
    };

    public ProjectFileRecord ToRecord() => new(
        ProjectName, Path, Enum.Parse<ProjectFileKind>(Kind), Size, Sha256,
        new ObjectRef(ObjectBucket, ObjectKey), FromArchive);
}
