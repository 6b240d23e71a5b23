using Dapper;
using Stowage.Core.Accounts;
using Stowage.Core.Jobs;
using Stowage.Core.Storage;
using Stowage.Core.Uploads;
using Stowage.Metadata.Sqlite.Schema;

namespace Stowage.Metadata.Sqlite.Tests;

/// <summary>What the conformance suite cannot see: the file, its pragmas, and sharing it between stores.</summary>
public sealed class SqliteMetadataStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    private static Account NewAccount(string id) => new(id, id + "-name", true, null, null, null, null, T0);

    [Fact]
    public async Task Data_SurvivesReopeningTheFile()
    {
        using (var first = database.NewStore())
        {
            await first.InitializeAsync(Ct);
            await first.CreateAccountAsync(NewAccount("a1"), Ct);
            await first.CreateSessionAsync(new UploadSessionRecord("s1", "a1", T0, T0.AddHours(1), null), Ct);
        }

        using var reopened = database.NewStore();
        await reopened.InitializeAsync(Ct);

        (await reopened.GetAccountAsync("a1", Ct)).ShouldBe(NewAccount("a1"));
        (await reopened.GetSessionAsync("s1", Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Initialize_Twice_KeepsDataAndSchemaVersion()
    {
        using var store = database.NewStore();
        await store.InitializeAsync(Ct);
        await store.CreateAccountAsync(NewAccount("a1"), Ct);

        await store.InitializeAsync(Ct);

        (await store.GetAccountAsync("a1", Ct)).ShouldNotBeNull();
        await using var connection = await store.OpenAsync(Ct);
        (await connection.ExecuteScalarAsync<long>("PRAGMA user_version")).ShouldBe(SqliteMigrations.Steps.Count);
    }

    [Fact]
    public async Task Initialize_Throws_WhenTheFileHasANewerSchemaThanThisBuild()
    {
        using var store = database.NewStore();
        await store.InitializeAsync(Ct);
        await using (var connection = await store.OpenAsync(Ct))
        {
            await connection.ExecuteAsync($"PRAGMA user_version = {SqliteMigrations.Steps.Count + 1}");
        }

        await Should.ThrowAsync<InvalidOperationException>(() => store.InitializeAsync(Ct));
    }

    [Fact]
    public async Task TwoStoresOnOneFile_SeeEachOthersWrites()
    {
        using var a = database.NewStore();
        using var b = database.NewStore();
        await a.InitializeAsync(Ct);
        await b.InitializeAsync(Ct);

        await a.CreateAccountAsync(NewAccount("from-a"), Ct);
        await b.CreateAccountAsync(NewAccount("from-b"), Ct);

        (await b.GetAccountAsync("from-a", Ct)).ShouldNotBeNull();
        (await a.GetAccountAsync("from-b", Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task TwoStoresOnOneFile_ShareTheQuotaAtomically()
    {
        using var a = database.NewStore();
        using var b = database.NewStore();
        await a.InitializeAsync(Ct);
        await a.CreateAccountAsync(NewAccount("acct"), Ct);
        await a.CreateSessionAsync(new UploadSessionRecord("s", "acct", T0, T0.AddHours(1), null), Ct);
        var limits = new ReservationLimits(null, 1000);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            (i % 2 == 0 ? a : b).ReserveFileAsync(
                new UploadFileRecord("s", $"f{i}", 100, 0, new ObjectRef("b", $"k{i}"), T0, T0), "acct", limits, Ct))));

        outcomes.Count(o => o.Outcome == ReservationOutcome.Created).ShouldBe(10);
        (await b.GetAccountUsageAsync("acct", Ct)).ShouldBe(1000);
    }

    [Fact]
    public async Task TwoStoresOnOneFile_NeverClaimTheSameJob()
    {
        using var a = database.NewStore();
        using var b = database.NewStore();
        await a.InitializeAsync(Ct);
        for (var i = 0; i < 40; i++)
        {
            await a.EnqueueAsync(new JobRecord($"j{i:D2}", "k", "{}", JobState.Queued, 0, T0, T0.AddSeconds(i), T0, null, null, null), Ct);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var store = w % 2 == 0 ? a : b;
            var ids = new List<string>();
            while (await store.ClaimAsync($"w{w}", T0.AddHours(1), T0.AddHours(2), Ct) is { } job)
            {
                ids.Add(job.Id);
            }

            return ids;
        })));

        var all = claims.SelectMany(c => c).ToList();
        all.Count.ShouldBe(40);
        all.Distinct().Count().ShouldBe(40);
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public async Task Connections_UseWal_ForeignKeys_BusyTimeout_AndTheSynchronousLevelOfTheOption(bool durable, long synchronous)
    {
        using var store = database.NewStore(durable);
        await store.InitializeAsync(Ct);
        await using var connection = await store.OpenAsync(Ct);

        (await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode")).ShouldBe("wal");
        (await connection.ExecuteScalarAsync<long>("PRAGMA synchronous")).ShouldBe(synchronous);
        (await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys")).ShouldBe(1);
        (await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout")).ShouldBe(SqlitePragmas.BusyTimeoutMilliseconds);
    }

    [Fact]
    public async Task TwoStoresOnOneFile_EachKeepItsOwnSynchronousLevel_ThoughTheyShareAPool()
    {
        using var durable = database.NewStore(durable: true);
        using var fast = database.NewStore(durable: false);
        await durable.InitializeAsync(Ct);

        for (var round = 0; round < 3; round++)
        {
            await using (var connection = await durable.OpenAsync(Ct))
            {
                (await connection.ExecuteScalarAsync<long>("PRAGMA synchronous")).ShouldBe(2);
            }

            await using (var connection = await fast.OpenAsync(Ct))
            {
                (await connection.ExecuteScalarAsync<long>("PRAGMA synchronous")).ShouldBe(1);
            }
        }
    }

    [Fact]
    public void Constructor_Throws_WhenTheDatabasePathIsMissing()
    {
        Should.Throw<ArgumentException>(() => new SqliteMetadataStore(new SqliteMetadataOptions()));
    }
}
