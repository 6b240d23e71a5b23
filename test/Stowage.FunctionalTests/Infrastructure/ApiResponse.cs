using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>A response read to the end: status, headers and the JSON body (if it is JSON).</summary>
public sealed class ApiResponse
{
    public ApiResponse(HttpStatusCode status, string body, HttpResponseHeaders headers, HttpContentHeaders contentHeaders)
    {
        Status = status;
        Body = body;
        Headers = headers;
        ContentHeaders = contentHeaders;
        try
        {
            using var document = JsonDocument.Parse(body);
            Json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            Json = default;
        }
    }

    public HttpStatusCode Status { get; }

    /// <summary>A JSON document that did not come from an HTTP answer (a child process's output).</summary>
    public static ApiResponse FromText(string body)
    {
        using var message = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
        return new ApiResponse(HttpStatusCode.OK, body, message.Headers, message.Content.Headers);
    }

    public string Body { get; }

    public HttpResponseHeaders Headers { get; }

    public HttpContentHeaders ContentHeaders { get; }

    /// <summary>The parsed body; <see cref="JsonValueKind.Undefined"/> when it was not JSON.</summary>
    public JsonElement Json { get; }

    /// <summary>The Sessions API's error code (<c>{"error": "..."}</c>), or null.</summary>
    public string? Error =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
            ? error.GetString()
            : null;

    public bool Has(string property) => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(property, out _);

    public JsonElement Property(string property)
    {
        Has(property).ShouldBeTrue($"The response has no '{property}': {this}");
        return Json.GetProperty(property);
    }

    public long Long(string property) => Property(property).GetInt64();

    public int Int(string property) => Property(property).GetInt32();

    public string String(string property) => Property(property).GetString()!;

    public bool Bool(string property) => Property(property).GetBoolean();

    public override string ToString() => $"{(int)Status} {Status}: {Body}";
}
