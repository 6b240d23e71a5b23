using System.Text.Json.Serialization;

namespace Stowage.Bench.Clients;

/// <summary>One file in GET /uploads/{id} (seed 004).</summary>
internal sealed record SessionListingFile(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("received")] long Received,
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("complete")] bool Complete);
