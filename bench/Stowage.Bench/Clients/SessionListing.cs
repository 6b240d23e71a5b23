using System.Text.Json.Serialization;

namespace Stowage.Bench.Clients;

/// <summary>The body of GET /uploads/{id} (seed 004).</summary>
internal sealed record SessionListing(
    [property: JsonPropertyName("upload_id")] string UploadId,
    [property: JsonPropertyName("files")] IReadOnlyList<SessionListingFile> Files);
