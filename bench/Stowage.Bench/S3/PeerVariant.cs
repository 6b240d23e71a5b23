using Stowage.Bench.Clients;
using Stowage.Bench.Data;
using Stowage.Bench.Peers;

namespace Stowage.Bench.S3;

/// <summary>
/// The Sessions API reference, through the upload scenario's own peer and client (against Stowage or
/// the sink), verified the way that scenario verifies it.
/// </summary>
internal sealed class PeerVariant(string key, string client, string server, IPeer peer, TestData data, int? serverPid) : IS3Variant
{
    public string Key => key;

    public string Client => client;

    public string Server => server;

    public string Describe() => peer.Client.Describe();

    public int? ServerPid => serverPid;

    public async Task<string> UploadAsync(TestFile file, string tag, CancellationToken ct) =>
        (await peer.Client.UploadBigAsync(file, tag, ct)).Locator;

    public async Task<string?> VerifyAsync(string locator, TestFile file, CancellationToken ct)
    {
        if (file == data.Big)
        {
            await peer.VerifyBigAsync(new UploadedFile(locator), data, ct);
        }

        return null;
    }

    public Task CleanAsync(CancellationToken ct) => peer.CleanAsync(ct);
}
