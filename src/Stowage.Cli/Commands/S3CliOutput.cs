using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Stowage.Cli.Commands;

/// <summary>How the <c>s3</c> commands print: JSON for scripts, times as ISO 8601 UTC like AWS's credential files.</summary>
internal static class S3CliOutput
{
    // Secrets hold '+' and '/': printed as they are, not as \u002B (the output is a terminal or a pipe, never HTML).
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteJson(object value) => Console.WriteLine(JsonSerializer.Serialize(value, Json));

    public static string? Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static async Task<int> FailAsync(int exitCode, string message)
    {
        await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
        return exitCode;
    }
}
