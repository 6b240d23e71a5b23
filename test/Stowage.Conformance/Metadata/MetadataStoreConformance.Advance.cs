namespace Stowage.Conformance.Metadata;

// IUploadStore.AdvanceReceivedAsync: the resume high-water mark only grows, and only while the session is open.
public abstract partial class MetadataStoreConformance
{
    [Fact]
    public async Task AdvanceReceived_RaisesReceived_StampsUpdated_AndMovesTheSessionExpiry()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id, T0, At(3600));
        var file = await AddFileAsync(session.Id, account.Id, "a", 1000);

        (await Store.AdvanceReceivedAsync(session.Id, "a", 400, At(10), At(7200), Ct)).ShouldBeTrue();

        (await Store.GetFileAsync(session.Id, "a", Ct)).ShouldBe(file with { Received = 400, Updated = At(10) });
        (await Store.GetSessionAsync(session.Id, Ct))!.ExpiresAt.ShouldBe(At(7200));
    }

    [Fact]
    public async Task AdvanceReceived_CanCompleteTheFile()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id);
        await AddFileAsync(session.Id, account.Id, "a", 1000);

        await Store.AdvanceReceivedAsync(session.Id, "a", 1000, At(10), At(7200), Ct);

        (await Store.GetFileAsync(session.Id, "a", Ct))!.Complete.ShouldBeTrue();
    }

    [Fact]
    public async Task AdvanceReceived_NeverLowersReceived_ButStillStampsUpdateAndExpiry()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id);
        await AddFileAsync(session.Id, account.Id, "a", 1000);
        await Store.AdvanceReceivedAsync(session.Id, "a", 700, At(10), At(7200), Ct);

        (await Store.AdvanceReceivedAsync(session.Id, "a", 300, At(20), At(9000), Ct)).ShouldBeTrue();

        var file = await Store.GetFileAsync(session.Id, "a", Ct);
        file!.Received.ShouldBe(700);
        file.Updated.ShouldBe(At(20));
        (await Store.GetSessionAsync(session.Id, Ct))!.ExpiresAt.ShouldBe(At(9000));
    }

    [Fact]
    public async Task AdvanceReceived_UnderParallelAdvances_KeepsTheHighestValue()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id);
        await AddFileAsync(session.Id, account.Id, "a", 10_000);

        var results = await Task.WhenAll(Enumerable.Range(1, 16).Reverse().Select(i => Task.Run(() =>
            Store.AdvanceReceivedAsync(session.Id, "a", i * 100, At(i), At(3600), Ct))));

        results.ShouldAllBe(r => r);
        (await Store.GetFileAsync(session.Id, "a", Ct))!.Received.ShouldBe(1600);
    }

    [Fact]
    public async Task AdvanceReceived_ReturnsFalse_WhenTheFileDoesNotExist()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id, T0, At(3600));

        (await Store.AdvanceReceivedAsync(session.Id, "missing", 1, At(1), At(9999), Ct)).ShouldBeFalse();
        (await Store.AdvanceReceivedAsync("missing", "missing", 1, At(1), At(9999), Ct)).ShouldBeFalse();

        (await Store.GetSessionAsync(session.Id, Ct))!.ExpiresAt.ShouldBe(At(3600));
    }

    [Fact]
    public async Task AdvanceReceived_ReturnsFalse_AndChangesNothing_OnceAProjectConsumedTheSession()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id, T0, At(3600));
        await AddFileAsync(session.Id, account.Id, "a", 1000);
        await Store.AdvanceReceivedAsync(session.Id, "a", 1000, At(1), At(3600), Ct);
        await Store.CreateProjectAsync(NewProject(account.Id), [], session.Id, NewJob(), null, Ct);

        (await Store.AdvanceReceivedAsync(session.Id, "a", 1000, At(50), At(9999), Ct)).ShouldBeFalse();

        (await Store.GetFileAsync(session.Id, "a", Ct))!.Updated.ShouldBe(At(1));
        (await Store.GetSessionAsync(session.Id, Ct))!.ExpiresAt.ShouldBe(At(3600));
    }

    [Fact]
    public async Task AdvanceReceived_ReturnsFalse_AfterTheSessionWasDeleted()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id);
        await AddFileAsync(session.Id, account.Id, "a", 1000);
        await Store.DeleteSessionAsync(session.Id, Ct);

        (await Store.AdvanceReceivedAsync(session.Id, "a", 10, At(1), At(3600), Ct)).ShouldBeFalse();
    }
}
