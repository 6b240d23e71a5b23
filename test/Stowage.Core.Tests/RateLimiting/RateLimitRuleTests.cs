using Stowage.Core.RateLimiting;

namespace Stowage.Core.Tests.RateLimiting;

public sealed class RateLimitRuleTests
{
    public static TheoryData<string, int, TimeSpan> Valid => new()
    {
        { "30/hour", 30, TimeSpan.FromHours(1) },
        { "1200 / minute", 1200, TimeSpan.FromMinutes(1) },
        { "50/second", 50, TimeSpan.FromSeconds(1) },
        { "10/day", 10, TimeSpan.FromDays(1) },
        { "5/s", 5, TimeSpan.FromSeconds(1) },
        { "5/sec", 5, TimeSpan.FromSeconds(1) },
        { "5/m", 5, TimeSpan.FromMinutes(1) },
        { "5/min", 5, TimeSpan.FromMinutes(1) },
        { "5/h", 5, TimeSpan.FromHours(1) },
        { "5/d", 5, TimeSpan.FromDays(1) },
        { "7/HOUR", 7, TimeSpan.FromHours(1) },
        { "  60/Minute  ", 60, TimeSpan.FromMinutes(1) },
        { "1/second", 1, TimeSpan.FromSeconds(1) },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parse_ReadsPermitsAndPeriod(string text, int permits, TimeSpan period) =>
        RateLimitRule.Parse(text).ShouldBe(new RateLimitRule(permits, period));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("30")]
    [InlineData("30/")]
    [InlineData("/hour")]
    [InlineData("0/hour")]
    [InlineData("-1/hour")]
    [InlineData("+5/hour")]
    [InlineData("1.5/hour")]
    [InlineData("1,000/hour")]
    [InlineData("abc/hour")]
    [InlineData("30/week")]
    [InlineData("30/hours")]
    [InlineData("30/hour/day")]
    [InlineData("30 per hour")]
    [InlineData("99999999999/hour")]
    public void Parse_ReturnsNull_WhenMalformed(string? text) => RateLimitRule.Parse(text).ShouldBeNull();
}
