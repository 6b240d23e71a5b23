using Stowage.Core.Uploads;

namespace Stowage.Conformance.Metadata;

// IUploadStore.ReserveFileAsync: the atomic check-and-insert against session cap and account quota.
public abstract partial class MetadataStoreConformance
{
    [Fact]
    public async Task ReserveFile_ReturnsCreated_AndStoresTheCandidate()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id);
        var candidate = NewFile(session.Id, "photo.cr3", 4096);

        var reservation = await Store.ReserveFileAsync(candidate, account.Id, new ReservationLimits(10_000, 10_000), Ct);

        reservation.ShouldBe(new FileReservation(ReservationOutcome.Created, candidate));
        (await Store.GetFileAsync(session.Id, "photo.cr3", Ct)).ShouldBe(candidate);
    }

    [Fact]
    public async Task ReserveFile_ReturnsTheExistingFile_WhenTheNameIsAlreadyReserved()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id);
        var first = await AddFileAsync(session.Id, account.Id, "a.raw", 100);
        await Store.AdvanceReceivedAsync(session.Id, "a.raw", 40, At(5), At(3600), Ct);

        var again = await Store.ReserveFileAsync(NewFile(session.Id, "a.raw", 999), account.Id, new ReservationLimits(1, 1), Ct);

        again.Outcome.ShouldBe(ReservationOutcome.Existing);
        again.File.ShouldBe(first with { Received = 40, Updated = At(5) });
        (await Store.ListFilesAsync(session.Id, Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task ReserveFile_ReturnsSessionGone_WhenTheSessionDoesNotExist()
    {
        var account = await AddAccountAsync();

        var reservation = await Store.ReserveFileAsync(NewFile("missing", "a", 1), account.Id, Unlimited, Ct);

        reservation.ShouldBe(new FileReservation(ReservationOutcome.SessionGone, null));
        (await Store.GetFileAsync("missing", "a", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task ReserveFile_ReturnsSessionGone_WhenAProjectConsumedTheSession()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id);
        await Store.CreateProjectAsync(NewProject(account.Id), [], session.Id, NewJob(), null, Ct);

        var reservation = await Store.ReserveFileAsync(NewFile(session.Id, "late", 1), account.Id, Unlimited, Ct);

        reservation.ShouldBe(new FileReservation(ReservationOutcome.SessionGone, null));
        (await Store.ListFilesAsync(session.Id, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ReserveFile_ReturnsSessionTooLarge_WhenTheSessionsTotalsWouldExceedTheCap()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id);
        await AddFileAsync(session.Id, account.Id, "a", 600);
        var limits = new ReservationLimits(MaxSessionBytes: 1000, QuotaBytes: null);

        var over = await Store.ReserveFileAsync(NewFile(session.Id, "b", 401), account.Id, limits, Ct);
        var exact = await Store.ReserveFileAsync(NewFile(session.Id, "c", 400), account.Id, limits, Ct);

        over.ShouldBe(new FileReservation(ReservationOutcome.SessionTooLarge, null));
        exact.Outcome.ShouldBe(ReservationOutcome.Created);
        (await Store.GetFileAsync(session.Id, "b", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task ReserveFile_SessionCap_CountsOnlyThisSessionsFiles()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id);
        var other = await AddSessionAsync(account.Id);
        await AddFileAsync(other.Id, account.Id, "big", 900);

        var reservation = await Store.ReserveFileAsync(NewFile(session.Id, "a", 900), account.Id, new ReservationLimits(1000, null), Ct);

        reservation.Outcome.ShouldBe(ReservationOutcome.Created);
    }

    [Fact]
    public async Task ReserveFile_ReturnsQuotaExceeded_WhenAccountWouldGoOverQuota()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id);
        var elsewhere = await AddSessionAsync(account.Id);
        await AddFileAsync(elsewhere.Id, account.Id, "a", 500);
        await AddProjectAsync(account.Id, sizeBytes: 300);
        var limits = new ReservationLimits(MaxSessionBytes: null, QuotaBytes: 1000);

        var over = await Store.ReserveFileAsync(NewFile(session.Id, "b", 201), account.Id, limits, Ct);
        var exact = await Store.ReserveFileAsync(NewFile(session.Id, "c", 200), account.Id, limits, Ct);

        over.ShouldBe(new FileReservation(ReservationOutcome.QuotaExceeded, null));
        exact.Outcome.ShouldBe(ReservationOutcome.Created);
        (await Store.GetAccountUsageAsync(account.Id, Ct)).ShouldBe(1000);
    }

    [Fact]
    public async Task ReserveFile_Quota_IgnoresOtherAccountsAndConsumedSessions()
    {
        var account = await AddAccountAsync();
        var other = await AddAccountAsync();
        var foreign = await AddSessionAsync(other.Id);
        await AddFileAsync(foreign.Id, other.Id, "x", 10_000);
        var consumed = await AddSessionAsync(account.Id);
        await AddFileAsync(consumed.Id, account.Id, "y", 10_000);
        await Store.CreateProjectAsync(NewProject(account.Id, sizeBytes: 0), [], consumed.Id, NewJob(), null, Ct);
        var session = await AddSessionAsync(account.Id);

        var reservation = await Store.ReserveFileAsync(NewFile(session.Id, "a", 1000), account.Id, new ReservationLimits(null, 1000), Ct);

        reservation.Outcome.ShouldBe(ReservationOutcome.Created);
    }

    [Fact]
    public async Task ReserveFile_ChecksTheSessionCapBeforeTheQuota()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id);

        var reservation = await Store.ReserveFileAsync(NewFile(session.Id, "a", 100), account.Id, new ReservationLimits(10, 10), Ct);

        reservation.Outcome.ShouldBe(ReservationOutcome.SessionTooLarge);
    }

    [Fact]
    public async Task ReserveFile_AllowsAnySize_WhenLimitsAreNull()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id);
        await AddFileAsync(session.Id, account.Id, "a", long.MaxValue / 4);

        var reservation = await Store.ReserveFileAsync(NewFile(session.Id, "b", long.MaxValue / 4), account.Id, Unlimited, Ct);

        reservation.Outcome.ShouldBe(ReservationOutcome.Created);
    }

    [Fact]
    public async Task ReserveFile_UnderParallelReservations_NeverExceedsTheQuota()
    {
        var account = await AddAccountAsync();
        var sessions = new[] { await AddSessionAsync(account.Id), await AddSessionAsync(account.Id) };
        var limits = new ReservationLimits(MaxSessionBytes: null, QuotaBytes: 1000);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            Store.ReserveFileAsync(NewFile(sessions[i % 2].Id, $"f{i}", 100), account.Id, limits, Ct))));

        outcomes.Count(o => o.Outcome == ReservationOutcome.Created).ShouldBe(10);
        outcomes.Count(o => o.Outcome == ReservationOutcome.QuotaExceeded).ShouldBe(10);
        (await Store.GetAccountUsageAsync(account.Id, Ct)).ShouldBe(1000);
    }

    [Fact]
    public async Task ReserveFile_UnderParallelReservationsOfOneName_CreatesItOnce()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() =>
            Store.ReserveFileAsync(NewFile(session.Id, "same", 100), account.Id, new ReservationLimits(null, 1000), Ct))));

        outcomes.Count(o => o.Outcome == ReservationOutcome.Created).ShouldBe(1);
        outcomes.Count(o => o.Outcome == ReservationOutcome.Existing).ShouldBe(11);
        (await Store.ListFilesAsync(session.Id, Ct)).Count.ShouldBe(1);
    }
}
