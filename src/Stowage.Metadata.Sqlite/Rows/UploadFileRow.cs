using Stowage.Core.Storage;
using Stowage.Core.Uploads;

namespace Stowage.Metadata.Sqlite.Rows;

/// <summary>The upload_files table as Dapper binds and reads it; the ObjectRef is two columns.</summary>
internal sealed class UploadFileRow
{
    public const string Columns =
        "session_id AS SessionId, name AS Name, total AS Total, received AS Received, " +
        "object_bucket AS ObjectBucket, object_key AS ObjectKey, created AS Created, updated AS Updated";

    public string SessionId { get; set; } = "";
    public string Name { get; set; } = "";
    public long Total { get; set; }
    public long Received { get; set; }
    public string ObjectBucket { get; set; } = "";
    public string ObjectKey { get; set; } = "";
    public long Created { get; set; }
    public long Updated { get; set; }

    public static UploadFileRow From(UploadFileRecord file) => new()
    {
        SessionId = file.SessionId,
        Name = file.Name,
        Total = file.Total,
        Received = file.Received,
        ObjectBucket = file.Object.Bucket,
        ObjectKey = file.Object.Key,
        Created = UnixMillis.From(file.Created),
        Updated = UnixMillis.From(file.Updated),
    };

    public UploadFileRecord ToRecord() => new(
        SessionId, Name, Total, Received, new ObjectRef(ObjectBucket, ObjectKey),
        UnixMillis.To(Created), UnixMillis.To(Updated));
}
