using System.Text.Json;

namespace Stowage.Metadata.Sqlite.Rows;

/// <summary>S3 representation headers as a JSON object column (name to value, names as the caller gave them).</summary>
internal static class S3Headers
{
    public static string ToJson(IReadOnlyDictionary<string, string> headers) =>
        JsonSerializer.Serialize(headers, SqliteJsonContext.Default.IReadOnlyDictionaryStringString);

    public static IReadOnlyDictionary<string, string> FromJson(string json) =>
        JsonSerializer.Deserialize(json, SqliteJsonContext.Default.IReadOnlyDictionaryStringString) ?? new Dictionary<string, string>();
}
