using System.Text.Json.Serialization;

namespace Stowage.Bench.Clients;

/// <summary>The body of PUT and GET /uploads/{id}/{name} (seed 004).</summary>
internal sealed record SessionsProgress(
    [property: JsonPropertyName("received")] long Received,
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("complete")] bool Complete);
