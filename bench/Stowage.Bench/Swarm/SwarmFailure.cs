using System.Net.Sockets;
using System.Text.Json;

namespace Stowage.Bench.Swarm;

/// <summary>
/// One failed request of the swarm. <see cref="Kind"/> groups failures for the report ("PUT chunk: HTTP 409
/// upload_in_progress", "PATCH chunk: no answer within 60 s"); the message keeps the first example's details.
/// </summary>
internal sealed class SwarmFailure(string kind, string message) : Exception(message)
{
    private const int MaxBody = 300;

    public string Kind { get; } = kind;

    /// <summary>A status the protocol does not expect: the kind names the status and the JSON "error" code if there is one.</summary>
    public static async Task<SwarmFailure> FromResponseAsync(string what, HttpResponseMessage response, CancellationToken ct)
    {
        var body = "";
        try
        {
            body = await response.Content.ReadAsStringAsync(ct);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // The status says enough.
        }

        var code = ErrorCode(body);
        var kind = $"{what}: HTTP {(int)response.StatusCode}{(code is null ? "" : " " + code)}";
        return new SwarmFailure(kind, $"{kind} {(body.Length > MaxBody ? body[..MaxBody] + "…" : body)}".TrimEnd());
    }

    /// <summary>Anything else a request threw: refused or reset connections, timeouts, unreadable answers.</summary>
    public static SwarmFailure FromException(string what, Exception e) => e switch
    {
        SwarmFailure failure => failure,
        TaskCanceledException { InnerException: TimeoutException } => new SwarmFailure($"{what}: no answer within the request timeout", Chain(e)),
        HttpRequestException h => new SwarmFailure($"{what}: {h.HttpRequestError}{Cause(h)}", Chain(e)),
        JsonException => new SwarmFailure($"{what}: unreadable JSON answer", Chain(e)),
        _ => new SwarmFailure($"{what}: {e.GetType().Name}{Cause(e)}", Chain(e)),
    };

    /// <summary>What lies under a transport error, for grouping: the socket error if there is one, else the innermost exception's type.</summary>
    private static string Cause(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return $" ({socket.SocketErrorCode})";
            }
        }

        var innermost = e;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return ReferenceEquals(innermost, e) ? "" : $" ({innermost.GetType().Name})";
    }

    /// <summary>Every message down the chain: "An error occurred while sending the request. <- Connection reset by peer".</summary>
    private static string Chain(Exception e)
    {
        var messages = new List<string>();
        for (Exception? x = e; x is not null && messages.Count < 5; x = x.InnerException)
        {
            messages.Add(x.Message);
        }

        return string.Join(" <- ", messages);
    }

    private static string? ErrorCode(string body)
    {
        if (!body.StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
