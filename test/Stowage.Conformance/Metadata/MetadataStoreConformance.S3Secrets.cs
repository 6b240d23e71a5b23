namespace Stowage.Conformance.Metadata;

// IS3Store: server-wide secrets.
public abstract partial class MetadataStoreConformance
{
    [Fact]
    public async Task GetOrAddSecret_StoresTheFirstCandidate_AndReturnsItAfterwards()
    {
        byte[] first = [1, 2, 3, 0, 255];

        (await Store.GetOrAddSecretAsync("token-signing", first, Ct)).ShouldBe(first);
        (await Store.GetOrAddSecretAsync("token-signing", [9, 9, 9], Ct)).ShouldBe(first);
    }

    [Fact]
    public async Task GetOrAddSecret_KeepsSecretsOfDifferentNamesApart()
    {
        (await Store.GetOrAddSecretAsync("one", [1], Ct)).ShouldBe([(byte)1]);
        (await Store.GetOrAddSecretAsync("two", [2], Ct)).ShouldBe([(byte)2]);
        (await Store.GetOrAddSecretAsync("one", [3], Ct)).ShouldBe([(byte)1]);
    }

    [Fact]
    public async Task GetOrAddSecret_GivesConcurrentCallersOneValue()
    {
        var candidates = Enumerable.Range(0, 16).Select(i => Enumerable.Repeat((byte)i, 32).ToArray()).ToArray();

        var results = await Task.WhenAll(candidates.Select(c => Task.Run(() => Store.GetOrAddSecretAsync("shared", c, Ct))));

        results.Select(Convert.ToHexString).Distinct().Count().ShouldBe(1);
        candidates.Select(Convert.ToHexString).ShouldContain(Convert.ToHexString(results[0]));
        (await Store.GetOrAddSecretAsync("shared", [0xAA], Ct)).ShouldBe(results[0]);
    }
}
