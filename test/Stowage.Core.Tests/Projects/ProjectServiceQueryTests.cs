using Stowage.Core.Accounts;
using Stowage.Core.Errors;
using Stowage.Core.Projects;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.Projects;

public sealed class ProjectServiceQueryTests
{
    [Fact]
    public async Task Get_BeforeProcessing_ShowsTheStatusWithoutFiles()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var name = await h.CreateProjectAsync(caller, ("a.jpg", TestBytes.Random(10)));

        var view = (await h.Projects.GetAsync(caller, name, CoreHarness.Ct)).ShouldSucceed();

        view.Project.Name.ShouldBe(name);
        view.Project.Status.ShouldBe(ProjectStatus.Queued);
        view.Files.ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_OnceReady_ShowsTheFiles()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var content = TestBytes.Random(10);
        var name = await h.CreateProjectAsync(caller, ("a.jpg", content));
        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        var view = (await h.Projects.GetAsync(caller, name, CoreHarness.Ct)).ShouldSucceed();

        view.Project.Status.ShouldBe(ProjectStatus.Ready);
        view.Files.Select(f => (f.Path, f.Size, f.Sha256)).ShouldBe([("a.jpg", 10L, TestBytes.Sha256(content))]);
    }

    [Fact]
    public async Task Get_Returns404_ForAnotherAccountsProject()
    {
        await using var h = await CoreHarness.CreateAsync();
        var owner = await h.CallerAsync("owner");
        var other = await h.CallerAsync("other");
        var name = await h.CreateProjectAsync(owner, ("a.jpg", [1]));

        (await h.Projects.GetAsync(other, name, CoreHarness.Ct)).ShouldFailWith(StowageErrors.ProjectNotFound);
    }

    [Fact]
    public async Task Get_Returns404_ForAnUnknownProject()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();

        (await h.Projects.GetAsync(caller, "nothing-here", CoreHarness.Ct)).ShouldFailWith(StowageErrors.ProjectNotFound);
    }

    [Fact]
    public async Task GetAndList_Return403InsufficientScope_ForAWriteOnlyKey()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync(scopes: [Scopes.ProjectsWrite]);
        var name = await h.CreateProjectAsync(caller, ("a.jpg", [1]));

        (await h.Projects.GetAsync(caller, name, CoreHarness.Ct)).ShouldFailWith(StowageErrors.InsufficientScope).Detail("required").ShouldBe(Scopes.ProjectsRead);
        (await h.Projects.ListAsync(caller, 0, 100, CoreHarness.Ct)).ShouldFailWith(StowageErrors.InsufficientScope).Detail("required").ShouldBe(Scopes.ProjectsRead);
    }

    [Fact]
    public async Task List_ShowsOnlyTheCallersProjects_NewestFirst_WithTheTotal()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync("owner");
        var other = await h.CallerAsync("other");
        var first = await h.CreateProjectAsync(caller, ("a.jpg", [1]));
        h.Time.AdvanceSeconds(1);
        var second = await h.CreateProjectAsync(caller, ("b.jpg", [2]));
        h.Time.AdvanceSeconds(1);
        var third = await h.CreateProjectAsync(caller, ("c.jpg", [3]));
        await h.CreateProjectAsync(other, ("d.jpg", [4]));

        var (items, total) = (await h.Projects.ListAsync(caller, 0, 100, CoreHarness.Ct)).ShouldSucceed();

        total.ShouldBe(3);
        items.Select(p => p.Name).ShouldBe([third, second, first]);
    }

    [Fact]
    public async Task List_Pages_WithOffsetAndLimit()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var first = await h.CreateProjectAsync(caller, ("a.jpg", [1]));
        h.Time.AdvanceSeconds(1);
        var second = await h.CreateProjectAsync(caller, ("b.jpg", [2]));
        h.Time.AdvanceSeconds(1);
        await h.CreateProjectAsync(caller, ("c.jpg", [3]));

        var (items, total) = (await h.Projects.ListAsync(caller, 1, 2, CoreHarness.Ct)).ShouldSucceed();

        total.ShouldBe(3);
        items.Select(p => p.Name).ShouldBe([second, first]);
    }

    [Theory]
    [InlineData(-1, 10, "offset")]
    [InlineData(0, 0, "limit")]
    [InlineData(0, 1001, "limit")]
    public async Task List_Returns400InvalidField_ForABadPage(int offset, int limit, string field)
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();

        (await h.Projects.ListAsync(caller, offset, limit, CoreHarness.Ct)).ShouldFailWith(StowageErrors.InvalidField).Detail("field").ShouldBe(field);
    }
}
