using System.Net;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Auth;

/// <summary>docs/protocols/sessions.md: every request needs <c>Authorization: Bearer sk_…</c>; 401 missing_bearer_token / invalid_api_key.</summary>
public sealed class AuthenticationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "POST", "uploads" },
        { "PUT", "uploads/AAAAAAAAAAAAAAAAAAAAAA/a.jpg" },
        { "GET", "uploads/AAAAAAAAAAAAAAAAAAAAAA/a.jpg" },
        { "GET", "uploads/AAAAAAAAAAAAAAAAAAAAAA" },
        { "DELETE", "uploads/AAAAAAAAAAAAAAAAAAAAAA" },
        { "POST", "projects" },
        { "GET", "projects/AAAAAAAAAAAAAAAAAAAAAA" },
        { "GET", "projects" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EveryEndpoint_Returns401MissingBearerToken_WithoutAuthorization(string method, string path)
    {
        var client = fixture.ClientWithSecret(null);

        var response = await client.SendAsync(Request(method, path));

        response.ShouldBeError(HttpStatusCode.Unauthorized, "missing_bearer_token");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EveryEndpoint_Returns401InvalidApiKey_ForGarbageKey(string method, string path)
    {
        var client = fixture.ClientWithSecret("sk_thisisnotakeythisisnotakeythisisnotakey123");

        var response = await client.SendAsync(Request(method, path));

        response.ShouldBeError(HttpStatusCode.Unauthorized, "invalid_api_key");
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer    ")]
    public async Task Post_Returns401MissingBearerToken_WhenAuthorizationIsNotABearerToken(string header)
    {
        var client = fixture.ClientWithSecret(null);
        var request = new HttpRequestMessage(HttpMethod.Post, "uploads");
        request.Headers.TryAddWithoutValidation("Authorization", header).ShouldBeTrue();

        var response = await client.SendAsync(request);

        response.ShouldBeError(HttpStatusCode.Unauthorized, "missing_bearer_token");
    }

    [Theory]
    [InlineData("not-even-prefixed")]
    [InlineData("sk_")]
    public async Task Post_Returns401InvalidApiKey_ForMalformedSecret(string secret)
    {
        var client = fixture.ClientWithSecret(secret);

        var response = await client.CreateUploadAsync();

        response.ShouldBeError(HttpStatusCode.Unauthorized, "invalid_api_key");
    }

    [Fact]
    public async Task RevokedKey_Returns401InvalidApiKey()
    {
        var key = await fixture.CreateKeyAsync("default");
        var client = fixture.ClientFor(key);
        var id = await client.NewUploadAsync();

        await fixture.Cli.RevokeKeyAsync(key.Id);

        (await client.CreateUploadAsync()).ShouldBeError(HttpStatusCode.Unauthorized, "invalid_api_key");
        (await client.GetSessionAsync(id)).ShouldBeError(HttpStatusCode.Unauthorized, "invalid_api_key");
        (await fixture.Client.GetSessionAsync(id)).ShouldHaveStatus(HttpStatusCode.OK);
    }

    private static HttpRequestMessage Request(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "PUT")
        {
            request.Content = SessionsClient.Octets([1, 2, 3]);
        }
        else if (method is "POST" && path == "projects")
        {
            request.Content = new StringContent("{\"upload_id\":\"AAAAAAAAAAAAAAAAAAAAAA\"}", System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }
}
