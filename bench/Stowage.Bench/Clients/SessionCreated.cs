using System.Text.Json.Serialization;

namespace Stowage.Bench.Clients;

/// <summary>The body of POST /uploads (seed 004).</summary>
internal sealed record SessionCreated([property: JsonPropertyName("upload_id")] string UploadId);
