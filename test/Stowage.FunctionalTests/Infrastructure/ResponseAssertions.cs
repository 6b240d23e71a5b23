using System.Net;
using System.Text.Json;

namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>Assertions on the Sessions API's wire format, with the whole response in the failure message.</summary>
public static class ResponseAssertions
{
    public static ApiResponse ShouldHaveStatus(this ApiResponse response, HttpStatusCode status)
    {
        response.Status.ShouldBe(status, response.ToString());
        response.Json.ValueKind.ShouldBe(JsonValueKind.Object, $"The body is not a JSON object: {response}");
        return response;
    }

    /// <summary>docs/protocols/sessions.md: errors are <c>{"error": code, …extra fields…, "message": text}</c>.</summary>
    public static ApiResponse ShouldBeError(this ApiResponse response, HttpStatusCode status, string code)
    {
        response.ShouldHaveStatus(status);
        response.Error.ShouldBe(code, response.ToString());
        response.Property("message").ValueKind.ShouldBe(JsonValueKind.String, response.ToString());
        response.ContentHeaders.ContentType?.MediaType.ShouldBe("application/json", response.ToString());
        return response;
    }

    /// <summary>A file-progress answer: <c>{"received", "total", "complete"}</c>.</summary>
    public static ApiResponse ShouldBeProgress(this ApiResponse response, long received, long total, bool complete)
    {
        response.ShouldHaveStatus(HttpStatusCode.OK);
        response.Long("received").ShouldBe(received, response.ToString());
        response.Long("total").ShouldBe(total, response.ToString());
        response.Bool("complete").ShouldBe(complete, response.ToString());
        return response;
    }
}
