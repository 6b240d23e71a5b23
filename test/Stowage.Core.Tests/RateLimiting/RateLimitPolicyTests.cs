using Stowage.Core.Accounts;
using Stowage.Core.Errors;
using Stowage.Core.RateLimiting;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.RateLimiting;

public sealed class RateLimitPolicyTests
{
    private static readonly Account Owner = new("acc_1", "field", true, null, null, null, null, TestTime.Start);
    private static readonly Principal KeyA = new(Owner, CredentialKind.ApiKey, "key_a", Scopes.Default);
    private static readonly Principal KeyB = new(Owner, CredentialKind.ApiKey, "key_b", Scopes.Default);

    [Fact]
    public void Admit_CountsEachCredentialsBudget_PerOperation_AndSaysWhenToRetry()
    {
        var time = TestTime.New();
        var policy = Policy(time, new RateLimitOptions { CreateProject = "2/hour" });

        policy.Admit(KeyA, "CreateProject").ShouldBeNull();
        policy.Admit(KeyA, "CreateProject").ShouldBeNull();
        var limited = policy.Admit(KeyA, "CreateProject").ShouldNotBeNull();

        limited.Error.ShouldBe(StowageErrors.RateLimited);
        limited.RetryAfter.ShouldNotBeNull().ShouldBeInRange(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        policy.Admit(KeyB, "CreateProject").ShouldBeNull(); // another key of the same account has its own budget
        policy.Admit(KeyA, "GetProject").ShouldBeNull(); // and so has another operation
        time.Advance(TimeSpan.FromHours(1));
        policy.Admit(KeyA, "CreateProject").ShouldBeNull();
    }

    [Fact]
    public void Admit_DoesNotLimit_AnOperationWithoutABudget_OrWhenDisabled()
    {
        var time = TestTime.New();
        var unknown = Policy(time, new RateLimitOptions());
        var disabled = Policy(time, new RateLimitOptions { Enabled = false, CreateProject = "1/hour" });

        for (var i = 0; i < 100; i++)
        {
            unknown.Admit(KeyA, "SomethingElse").ShouldBeNull();
            disabled.Admit(KeyA, "CreateProject").ShouldBeNull();
        }
    }

    private static RateLimitPolicy Policy(TimeProvider time, RateLimitOptions options) =>
        new(new InMemoryRateLimiter(time), Microsoft.Extensions.Options.Options.Create(options));
}
