using System.Text.Json;

namespace Stowage.Bench.Peers;

/// <summary>
/// Finds the secret in "stowage keys create --json" output. A launcher that builds on first
/// use may print build lines first, so the JSON is looked for line by line from the end.
/// </summary>
internal static class KeyJson
{
    public static string? Secret(string output)
    {
        var candidates = new List<string> { output.Trim() };
        candidates.AddRange(output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('{')).Reverse());
        var first = output.IndexOf('{', StringComparison.Ordinal);
        var last = output.LastIndexOf('}');
        if (first >= 0 && last > first)
        {
            candidates.Add(output[first..(last + 1)]);
        }

        foreach (var candidate in candidates)
        {
            try
            {
                using var doc = JsonDocument.Parse(candidate);
                if (doc.RootElement.ValueKind == JsonValueKind.Object
                    && doc.RootElement.TryGetProperty("secret", out var secret)
                    && secret.ValueKind == JsonValueKind.String)
                {
                    return secret.GetString();
                }
            }
            catch (JsonException)
            {
                // Not this candidate.
            }
        }

        return null;
    }
}
