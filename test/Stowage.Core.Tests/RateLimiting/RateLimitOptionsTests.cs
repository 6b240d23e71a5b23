using Stowage.Core.RateLimiting;

namespace Stowage.Core.Tests.RateLimiting;

public sealed class RateLimitOptionsTests
{
    [Fact]
    public void Validate_AcceptsTheDefaults() => new RateLimitOptions().Validate().ShouldBeEmpty();

    [Fact]
    public void Defaults_AreTheSeedsTable_PlusTheExtensions()
    {
        var rules = new RateLimitOptions().Rules().ToDictionary(r => r.Name, r => RateLimitRule.Parse(r.Value));

        rules.ShouldBe(new Dictionary<string, RateLimitRule?>
        {
            ["CreateUpload"] = new(30, TimeSpan.FromHours(1)),
            ["PutFile"] = new(1200, TimeSpan.FromMinutes(1)),
            ["GetFile"] = new(600, TimeSpan.FromMinutes(1)),
            ["GetSession"] = new(120, TimeSpan.FromMinutes(1)),
            ["DeleteSession"] = new(60, TimeSpan.FromMinutes(1)),
            ["CreateProject"] = new(10, TimeSpan.FromHours(1)),
            ["GetProject"] = new(60, TimeSpan.FromMinutes(1)),
            ["ListProjects"] = new(60, TimeSpan.FromMinutes(1)),

            // The extensions, not in the seed's table: the budgets of GET /uploads/{id}/{file} and DELETE /uploads/{id}.
            ["GetProjectFile"] = new(600, TimeSpan.FromMinutes(1)),
            ["DeleteProject"] = new(60, TimeSpan.FromMinutes(1)),
        }, ignoreOrder: true);
    }

    [Fact]
    public void Validate_NamesEachMalformedRule()
    {
        var options = new RateLimitOptions { PutFile = "lots", CreateProject = "0/hour", GetFile = "5/minute" };

        var errors = options.Validate().ToList();

        errors.Count.ShouldBe(2);
        errors.ShouldContain(e => e.Contains("PutFile", StringComparison.Ordinal) && e.Contains("'lots'", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("CreateProject", StringComparison.Ordinal) && e.Contains("'0/hour'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("30/week")]
    [InlineData("-1/minute")]
    public void Validate_RefusesAMalformedRuleInAnyEndpoint(string value)
    {
        foreach (var property in typeof(RateLimitOptions).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            var options = new RateLimitOptions();
            property.SetValue(options, value);

            options.Validate().ShouldHaveSingleItem().ShouldContain(property.Name);
        }
    }

    [Fact]
    public void Rules_CoverEveryEndpointSetting()
    {
        var settings = typeof(RateLimitOptions).GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => p.Name);

        new RateLimitOptions().Rules().Select(r => r.Name).ShouldBe(settings, ignoreOrder: true);
    }

    [Fact]
    public void Validate_AcceptsOtherWellFormedRules()
    {
        var options = new RateLimitOptions { PutFile = "50 / second", CreateUpload = "1000/day" };

        options.Validate().ShouldBeEmpty();
    }
}
