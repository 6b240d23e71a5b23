using Stowage.Core.Projects;
using Stowage.Core.Uploads;

namespace Stowage.Conformance.Metadata;

// IUploadStore.ExpireSessionAsync, and what an expired session refuses: a DELETE (or the sweeper) expires
// a session before it removes its bytes, so nothing may add to it or count a byte in it from then on.
public abstract partial class MetadataStoreConformance
{
    [Fact]
    public async Task ExpireSession_MovesTheExpiryBack_AndListsTheSessionAsExpired()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id, T0, At(3600));

        (await Store.ExpireSessionAsync(session.Id, At(10), Ct)).ShouldBeTrue();

        (await Store.GetSessionAsync(session.Id, Ct))!.ExpiresAt.ShouldBe(At(10));
        (await Store.ListExpiredSessionsAsync(At(10), 10, Ct)).Select(s => s.Id).ShouldBe([session.Id]);
    }

    [Fact]
    public async Task ExpireSession_NeverMovesTheExpiryForward()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id, T0, At(60));

        (await Store.ExpireSessionAsync(session.Id, At(500), Ct)).ShouldBeTrue();

        (await Store.GetSessionAsync(session.Id, Ct))!.ExpiresAt.ShouldBe(At(60));
    }

    [Fact]
    public async Task ExpireSession_ReturnsFalse_AndChangesNothing_ForAConsumedOrUnknownSession()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id, T0, At(3600));
        await Store.CreateProjectAsync(NewProject(account.Id), [], session.Id, NewJob(), null, Ct);

        (await Store.ExpireSessionAsync(session.Id, At(10), Ct)).ShouldBeFalse();
        (await Store.ExpireSessionAsync("missing", At(10), Ct)).ShouldBeFalse();

        (await Store.GetSessionAsync(session.Id, Ct))!.ExpiresAt.ShouldBe(At(3600));
    }

    [Fact]
    public async Task AdvanceReceived_ReturnsFalse_AndChangesNothing_OnceTheSessionExpired()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id, T0, At(3600));
        var file = await AddFileAsync(session.Id, account.Id, "a", 1000);
        await Store.ExpireSessionAsync(session.Id, At(20), Ct);

        (await Store.AdvanceReceivedAsync(session.Id, "a", 500, At(20), At(9000), Ct)).ShouldBeFalse();

        (await Store.GetFileAsync(session.Id, "a", Ct)).ShouldBe(file);
        (await Store.GetSessionAsync(session.Id, Ct))!.ExpiresAt.ShouldBe(At(20));
    }

    [Fact]
    public async Task AdvanceReceived_StillCounts_JustBeforeTheExpiry()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id, T0, At(3600));
        await AddFileAsync(session.Id, account.Id, "a", 1000);

        (await Store.AdvanceReceivedAsync(session.Id, "a", 500, At(3599), At(3600), Ct)).ShouldBeTrue();

        (await Store.GetFileAsync(session.Id, "a", Ct))!.Received.ShouldBe(500);
    }

    [Fact]
    public async Task ReserveFile_ReturnsSessionGone_OnceTheSessionExpired()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id, T0, At(3600));
        await Store.ExpireSessionAsync(session.Id, T0, Ct);

        var reservation = await Store.ReserveFileAsync(NewFile(session.Id, "late", 1), account.Id, Unlimited, Ct);

        reservation.ShouldBe(new FileReservation(ReservationOutcome.SessionGone, null));
        (await Store.ListFilesAsync(session.Id, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateProject_ReturnsSessionGone_AndWritesNothing_OnceTheSessionExpired()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id, T0, At(3600));
        await Store.ExpireSessionAsync(session.Id, At(5), Ct);
        var project = NewProject(account.Id, created: At(5));

        var creation = await Store.CreateProjectAsync(project, [NewProjectFile(project.Name, "a")], session.Id, NewJob(At(5)), null, Ct);

        creation.ShouldBe(new ProjectCreation(ProjectCreationOutcome.SessionGone, null));
        (await Store.GetProjectAsync(project.Name, Ct)).ShouldBeNull();
        (await Store.GetSessionAsync(session.Id, Ct))!.ProjectName.ShouldBeNull();
    }
}
