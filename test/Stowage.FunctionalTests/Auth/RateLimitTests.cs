using System.Net;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Auth;

/// <summary>docs/protocols/sessions.md, "Limits": per key and per endpoint budgets; 429 rate_limited with Retry-After.</summary>
public sealed class RateLimitTests(RateLimitedServerFixture fixture) : IClassFixture<RateLimitedServerFixture>
{
    [Fact]
    public async Task PostUploads_Returns429WithRetryAfter_WhenBudgetIsSpent()
    {
        var client = fixture.Client; // no other test of this class spends the fixture key's budgets
        (await client.CreateUploadAsync()).ShouldHaveStatus(HttpStatusCode.Created);
        (await client.CreateUploadAsync()).ShouldHaveStatus(HttpStatusCode.Created);

        var third = await client.CreateUploadAsync();

        third.ShouldBeError(HttpStatusCode.TooManyRequests, "rate_limited");
        var retryAfter = third.Headers.RetryAfter?.Delta;
        retryAfter.ShouldNotBeNull(third.ToString());
        retryAfter.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Budgets_ArePerKeyAndPerEndpoint()
    {
        var spent = fixture.ClientFor(await fixture.CreateKeyAsync("default"));
        var fresh = fixture.ClientFor(await fixture.SharedKeyAsync(Scope.Write, Scope.Read));
        var id = await spent.NewUploadAsync();
        await spent.NewUploadAsync();
        (await spent.CreateUploadAsync()).ShouldBeError(HttpStatusCode.TooManyRequests, "rate_limited");

        (await fresh.CreateUploadAsync()).ShouldHaveStatus(HttpStatusCode.Created);
        (await spent.PutAsync(id, "a.jpg", [1, 2])).ShouldBeProgress(2, 2, complete: true);
        (await spent.GetSessionAsync(id)).ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task GetFile_Returns429_WhenItsBudgetIsSpent()
    {
        var client = fixture.ClientFor(await fixture.CreateKeyAsync("default"));
        var id = await client.NewUploadAsync();
        await client.UploadAsync(id, "a.jpg", [1]);
        for (var i = 0; i < 3; i++)
        {
            (await client.GetFileAsync(id, "a.jpg")).ShouldBeProgress(1, 1, complete: true);
        }

        var fourth = await client.GetFileAsync(id, "a.jpg");

        fourth.ShouldBeError(HttpStatusCode.TooManyRequests, "rate_limited");
        fourth.Headers.RetryAfter?.Delta.ShouldNotBeNull(fourth.ToString());
    }
}
