using Stowage.Core.Uploads;

namespace Stowage.Conformance.Metadata;

// IUploadStore: sessions, file listing, deletion and expiry.
public abstract partial class MetadataStoreConformance
{
    [Fact]
    public async Task GetSession_ReturnsEveryField_AsCreated()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id, At(1), At(7200));

        (await Store.GetSessionAsync(session.Id, Ct)).ShouldBe(session);
        (await Store.GetSessionAsync("missing", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task GetFile_ReturnsTheReservedFile_OrNullForAnotherNameOrSession()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id);
        var other = await AddSessionAsync(account.Id);
        var file = await AddFileAsync(session.Id, account.Id, "scan.e57", 1234);

        (await Store.GetFileAsync(session.Id, "scan.e57", Ct)).ShouldBe(file);
        (await Store.GetFileAsync(session.Id, "SCAN.E57", Ct)).ShouldBeNull();
        (await Store.GetFileAsync(other.Id, "scan.e57", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task ListFiles_ReturnsFiles_InTheOrderTheyWereFirstReserved()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id);
        foreach (var name in new[] { "c.jpg", "a.jpg", "b.jpg" })
        {
            await AddFileAsync(session.Id, account.Id, name, 10);
        }

        await Store.ReserveFileAsync(NewFile(session.Id, "a.jpg", 10), account.Id, Unlimited, Ct);
        await Store.AdvanceReceivedAsync(session.Id, "c.jpg", 5, At(1), At(3600), Ct);

        (await Store.ListFilesAsync(session.Id, Ct)).Select(f => f.Name).ShouldBe(["c.jpg", "a.jpg", "b.jpg"]);
    }

    [Fact]
    public async Task ListFiles_ReturnsEmpty_ForASessionWithoutFilesOrUnknown()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id);

        (await Store.ListFilesAsync(session.Id, Ct)).ShouldBeEmpty();
        (await Store.ListFilesAsync("missing", Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task DeleteSession_RemovesTheSessionAndItsFiles_AndReturnsFalseTheSecondTime()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id);
        var kept = await AddSessionAsync(account.Id);
        await AddFileAsync(session.Id, account.Id, "a", 10);
        await AddFileAsync(kept.Id, account.Id, "a", 20);

        (await Store.DeleteSessionAsync(session.Id, Ct)).ShouldBeTrue();
        (await Store.DeleteSessionAsync(session.Id, Ct)).ShouldBeFalse();

        (await Store.GetSessionAsync(session.Id, Ct)).ShouldBeNull();
        (await Store.GetFileAsync(session.Id, "a", Ct)).ShouldBeNull();
        (await Store.ListFilesAsync(session.Id, Ct)).ShouldBeEmpty();
        (await Store.ListFilesAsync(kept.Id, Ct)).Count.ShouldBe(1);
        (await Store.GetAccountUsageAsync(account.Id, Ct)).ShouldBe(20);
    }

    [Fact]
    public async Task DeleteSession_ReturnsFalse_WhenNoSuchSession()
    {
        (await Store.DeleteSessionAsync("missing", Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task ListExpiredSessions_ReturnsSessionsExpiredAtOrBeforeNow_LongestExpiredFirst()
    {
        var account = await AddAccountAsync();
        var expiresAtNow = await AddSessionAsync(account.Id, At(0), At(100));
        var expiredLongAgo = await AddSessionAsync(account.Id, At(1), At(50));
        await AddSessionAsync(account.Id, At(2), At(101));

        var expired = await Store.ListExpiredSessionsAsync(At(100), 10, Ct);

        expired.ShouldBe([expiredLongAgo, expiresAtNow]);
    }

    [Fact]
    public async Task ListExpiredSessions_IncludesConsumedSessions_AndHonoursTheLimit()
    {
        var account = await AddAccountAsync();
        var consumed = await AddSessionAsync(account.Id, At(0), At(10));
        var second = await AddSessionAsync(account.Id, At(0), At(20));
        await AddSessionAsync(account.Id, At(0), At(30));
        var project = NewProject(account.Id);
        await Store.CreateProjectAsync(project, [], consumed.Id, NewJob(), null, Ct);

        var expired = await Store.ListExpiredSessionsAsync(At(1000), 2, Ct);

        expired.ShouldBe([consumed with { ProjectName = project.Name }, second]);
    }

    [Fact]
    public async Task GetAccountUsage_SumsFileTotalsOfUnconsumedSessions_PlusProjectSizes()
    {
        var account = await AddAccountAsync();
        var other = await AddAccountAsync();
        var open = await AddSessionAsync(account.Id);
        var consumed = await AddSessionAsync(account.Id);
        var foreign = await AddSessionAsync(other.Id);
        await AddFileAsync(open.Id, account.Id, "a", 100);
        await AddFileAsync(open.Id, account.Id, "b", 20);
        await AddFileAsync(consumed.Id, account.Id, "c", 4000);
        await AddFileAsync(foreign.Id, other.Id, "d", 50_000);
        await Store.CreateProjectAsync(NewProject(account.Id, sizeBytes: 3), [], consumed.Id, NewJob(), null, Ct);
        await AddProjectAsync(account.Id, sizeBytes: 5);
        await AddProjectAsync(other.Id, sizeBytes: 70_000);

        (await Store.GetAccountUsageAsync(account.Id, Ct)).ShouldBe(100 + 20 + 3 + 5);
        (await Store.GetAccountUsageAsync(other.Id, Ct)).ShouldBe(50_000 + 70_000);
    }

    [Fact]
    public async Task GetAccountUsage_CountsReservedTotals_NotReceivedBytes()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id);
        await AddFileAsync(session.Id, account.Id, "a", 1_000);
        await Store.AdvanceReceivedAsync(session.Id, "a", 10, At(1), At(3600), Ct);

        (await Store.GetAccountUsageAsync(account.Id, Ct)).ShouldBe(1_000);
    }

    [Fact]
    public async Task GetAccountUsage_IsZero_ForAnAccountWithNothingStored()
    {
        var account = await AddAccountAsync();

        (await Store.GetAccountUsageAsync(account.Id, Ct)).ShouldBe(0);
        (await Store.GetAccountUsageAsync("nobody", Ct)).ShouldBe(0);
    }
}
