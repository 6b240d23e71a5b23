using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Stowage.Core.Errors;

namespace Stowage.Server.Protocols.Sessions;

/// <summary>
/// The Sessions API's wire format (seed 004): JSON bodies; errors are <c>{"error": "&lt;code&gt;"}</c>
/// with the status carrying the meaning, plus the extra fields the seed names (received, limit,
/// extension, allowed) and a human "message".
/// </summary>
internal static class SessionsResponses
{
    // Messages are plain English for people: no need to escape quotes and apostrophes as \u0027.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task WriteAsync<T>(HttpContext context, int status, T body, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, body, type, context.RequestAborted);
    }

    public static async Task WriteErrorAsync(HttpContext context, Failure failure)
    {
        var response = context.Response;
        response.StatusCode = SessionsStatus.Of(failure.Error.Kind);
        response.ContentType = "application/json";
        if (failure.RetryAfter is { } retry)
        {
            response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        await using var writer = new Utf8JsonWriter(response.Body, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("error", failure.Error.Code);
        foreach (var (name, value) in failure.Details)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }

        writer.WriteString("message", failure.Message);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case long or int:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
