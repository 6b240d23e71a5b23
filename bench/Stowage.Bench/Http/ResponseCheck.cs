using System.Net;
using Stowage.Bench.Data;

namespace Stowage.Bench.Http;

/// <summary>Turns an unexpected status into an error that says what the server answered.</summary>
internal static class ResponseCheck
{
    private const int MaxBodyInMessage = 500;

    public static async Task ExpectAsync(HttpResponseMessage response, string what, CancellationToken ct, params HttpStatusCode[] expected)
    {
        if (expected.Contains(response.StatusCode))
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(ct);
        if (body.Length > MaxBodyInMessage)
        {
            body = body[..MaxBodyInMessage] + "…";
        }

        throw new UploadMismatchException($"{what}: HTTP {(int)response.StatusCode} {response.ReasonPhrase} {body}".TrimEnd());
    }

    public static long LongHeader(HttpResponseMessage response, string name, string what)
    {
        if (response.Headers.TryGetValues(name, out var values) && long.TryParse(values.FirstOrDefault(), out var value))
        {
            return value;
        }

        throw new UploadMismatchException($"{what}: response has no numeric {name} header");
    }
}
