using System.Text.Json.Serialization;

// Timestamps are UTC DateTime so they render as ISO 8601 with 'Z'.

namespace Stowage.Server.Protocols.Sessions.Wire;

// The Sessions API's JSON shapes (seed 004, "Endpoints"). Property names are snake_case on the wire.
internal sealed record UploadCreatedWire(string UploadId, long ExpiresInSeconds);

internal sealed record FileProgressWire(
    long Received,
    long Total,
    bool Complete,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Ignored);

internal sealed record SessionFileWire(string Name, long Received, long Total, bool Complete);

internal sealed record SessionWire(string UploadId, long ExpiresInSeconds, IReadOnlyList<SessionFileWire> Files);

internal sealed record DeletedWire(bool Deleted);

internal sealed record ProjectCreatedWire(string Name, int Status, string Message);

internal sealed record ProjectErrorWire(string Code, string Message, string? File);

/// <summary>Below 100 (seed: "only {name, status}"); a failed project adds its errors.</summary>
internal sealed record ProjectBriefWire(
    string Name,
    int Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ProjectErrorWire>? Errors);

/// <summary><see cref="Url"/> (a Stowage extension) is where GET /projects/{name}/files/{path} serves the file.</summary>
internal sealed record ProjectFileWire(
    string Name,
    long Size,
    string? Sha256,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FromArchive,
    string Url);

internal sealed record ProjectFullWire(
    string Name,
    string Title,
    int Status,
    long Size,
    DateTime Created,
    DateTime Updated,
    int PrivacyMode,
    string? CoordinateSystem,
    int? Epsg,
    IReadOnlyList<ProjectFileWire> Files,
    IReadOnlyList<ProjectErrorWire> Errors);

internal sealed record ProjectSummaryWire(string Name, string Title, int Status, long Size, DateTime Created, DateTime Updated);

internal sealed record ProjectListWire(IReadOnlyList<ProjectSummaryWire> Projects, int Total, int Offset, int Limit);

internal sealed record HealthWire(string Status);
