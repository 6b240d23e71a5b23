using System.Text.Json;

namespace Stowage.Bench.S3;

/// <summary>A long-lived access key from "stowage s3 credentials create --json".</summary>
internal sealed record S3Credentials(string AccessKeyId, string SecretAccessKey)
{
    /// <summary>
    /// The JSON object in the command's output; a launcher that builds on first use may print build lines
    /// before it, so every line that opens an object is tried, last first.
    /// </summary>
    public static S3Credentials? FromCliOutput(string output)
    {
        foreach (var line in output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('{')).Reverse())
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (root.ValueKind == JsonValueKind.Object
                    && root.TryGetProperty("accessKeyId", out var id) && id.GetString() is { Length: > 0 } accessKeyId
                    && root.TryGetProperty("secretAccessKey", out var secret) && secret.GetString() is { Length: > 0 } secretAccessKey)
                {
                    return new S3Credentials(accessKeyId, secretAccessKey);
                }
            }
            catch (JsonException)
            {
                // Not this line.
            }
        }

        return null;
    }
}
