namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>A server with rate limits on and tiny budgets: 2 POST /uploads per hour, 3 GET file per minute per key.</summary>
public sealed class RateLimitedServerFixture : ServerFixture
{
    protected override IEnumerable<string> Configuration =>
    [
        "--Stowage:RateLimits:Enabled=true",
        "--Stowage:RateLimits:CreateUpload=2/hour",
        "--Stowage:RateLimits:GetFile=3/minute",
    ];
}
