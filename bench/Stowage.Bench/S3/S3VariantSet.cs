using Amazon.S3;
using Stowage.Bench.Cli;
using Stowage.Bench.Clients;
using Stowage.Bench.Data;
using Stowage.Bench.Http;
using Stowage.Bench.Peers;
using Stowage.Bench.Sink;

namespace Stowage.Bench.S3;

/// <summary>
/// The S3 scenario's rows: the Sessions API (the reference), AWSSDK.S3 PutObject and TransferUtility in
/// each payload mode, and awscli; each against Stowage and, for its ceiling, against the null sink.
/// </summary>
internal sealed class S3VariantSet : IAsyncDisposable
{
    private static readonly SdkPayloadMode[] Modes = [SdkPayloadMode.SignedStreamingCrc32, SdkPayloadMode.SignedStreaming, SdkPayloadMode.Unsigned];

    /// <summary>The modes the A/B comparison runs for both builds.</summary>
    public static readonly SdkPayloadMode[] AbModes = [SdkPayloadMode.SignedStreaming, SdkPayloadMode.Unsigned];

    private readonly List<IDisposable> clients = [];
    private readonly List<IAsyncDisposable> peers = [];

    public List<IS3Variant> Variants { get; } = [];

    /// <summary>The SDK in its default mode against Stowage: verification reads and the Complete measurement.</summary>
    public required IAmazonS3 StowageClient { get; init; }

    /// <summary>The same against the baseline build, when one runs.</summary>
    public IAmazonS3? BaselineClient { get; private set; }

    /// <summary>awscli against Stowage, when installed.</summary>
    public AwsCli? StowageCli { get; private set; }

    public static async Task<S3VariantSet> CreateAsync(BenchOptions options, TestData data, StowagePeer stowage, NullSinkServer sink, S3Credentials credentials, FileDigests digests, (StowagePeer Peer, S3Credentials Credentials)? baseline, CancellationToken ct)
    {
        var main = S3ClientFactory.Create(stowage.S3BaseAddress, credentials, SdkPayloadMode.SignedStreamingCrc32, new PayloadRecorder());
        var set = new S3VariantSet { StowageClient = main };
        set.clients.Add(main);

        set.Variants.Add(new PeerVariant(S3VariantKeys.Sessions(S3VariantKeys.StowageServer), "Sessions API (reference)", stowage.Name, stowage, data, stowage.ServerPid));
        set.AddClients(options, S3VariantKeys.StowageServer, new StowageObjects(stowage.Name, main, stowage.S3BaseAddress, S3Bench.Bucket, digests, stowage.ServerPid), credentials);

        var sinkSessions = new SinkPeer("sink-sessions", "ceiling: Sessions client -> sink", sink, http => new SessionsClient(http, options.ChunkSize), options.Parallel);
        await sinkSessions.StartAsync(ct);
        set.peers.Add(sinkSessions);
        set.Variants.Add(new PeerVariant(S3VariantKeys.Sessions(S3VariantKeys.SinkServer), "Sessions API (reference)", "null sink", sinkSessions, data, null));
        set.AddClients(options, S3VariantKeys.SinkServer, new SinkObjects(sink), credentials);
        if (baseline is { } b)
        {
            set.AddBaseline(data, b.Peer, b.Credentials, digests);
        }

        return set;
    }

    public async ValueTask DisposeAsync()
    {
        clients.ForEach(c => c.Dispose());
        foreach (var peer in peers)
        {
            await peer.DisposeAsync();
        }
    }

    /// <summary>
    /// The baseline build's rows of the A/B comparison: the Sessions reference, and PutObject and TransferUtility
    /// signed streaming and UNSIGNED-PAYLOAD (the CRC32 modes and awscli are client-bound; bench/README.md).
    /// </summary>
    private void AddBaseline(TestData data, StowagePeer peer, S3Credentials credentials, FileDigests digests)
    {
        const string server = S3VariantKeys.BaselineServer;
        var main = S3ClientFactory.Create(peer.S3BaseAddress, credentials, SdkPayloadMode.SignedStreamingCrc32, new PayloadRecorder());
        clients.Add(main);
        BaselineClient = main;
        var store = new StowageObjects(peer.Name, main, peer.S3BaseAddress, S3Bench.Bucket, digests, peer.ServerPid);
        Variants.Add(new PeerVariant(S3VariantKeys.Sessions(server), "Sessions API (reference)", peer.Name, peer, data, peer.ServerPid));
        foreach (var mode in AbModes)
        {
            var recorder = new PayloadRecorder();
            var client = S3ClientFactory.Create(store.Endpoint, credentials, mode, recorder);
            clients.Add(client);
            Variants.Add(new S3Variant(S3VariantKeys.Put(server, mode), $"SDK PutObject, {SdkPayloadModes.Label(mode)}", new SdkPutUploader(client, mode, recorder), store));
        }

        foreach (var mode in AbModes)
        {
            var recorder = new PayloadRecorder();
            var client = S3ClientFactory.Create(store.Endpoint, credentials, mode, recorder);
            clients.Add(client);
            Variants.Add(new S3Variant(S3VariantKeys.TransferUtility(server, mode), $"SDK TransferUtility, {SdkPayloadModes.Label(mode)}", new TransferUtilityUploader(client, mode, recorder), store));
        }
    }

    private void AddClients(BenchOptions options, string server, IS3Store store, S3Credentials credentials)
    {
        foreach (var mode in Modes)
        {
            var recorder = new PayloadRecorder();
            var client = S3ClientFactory.Create(store.Endpoint, credentials, mode, recorder);
            clients.Add(client);
            Variants.Add(new S3Variant(S3VariantKeys.Put(server, mode), $"SDK PutObject, {SdkPayloadModes.Label(mode)}", new SdkPutUploader(client, mode, recorder), store));
        }

        foreach (var mode in Modes)
        {
            var recorder = new PayloadRecorder();
            var client = S3ClientFactory.Create(store.Endpoint, credentials, mode, recorder);
            clients.Add(client);
            Variants.Add(new S3Variant(S3VariantKeys.TransferUtility(server, mode), $"SDK TransferUtility, {SdkPayloadModes.Label(mode)}", new TransferUtilityUploader(client, mode, recorder), store));
        }

        var signer = S3ClientFactory.Create(store.Endpoint, credentials, SdkPayloadMode.SignedStreaming, new PayloadRecorder());
        var http = BenchHttp.Create(store.Endpoint, options.Parallel);
        clients.Add(signer);
        clients.Add(http);
        Variants.Add(new S3Variant(S3VariantKeys.PresignedPut(server), "presigned PUT, Sessions client's HTTP code", new PresignedPutUploader(signer, http), store));

        if (AwsCli.Exists(options.AwsCli))
        {
            var cli = AwsCli.Create(options.AwsCli, Path.Combine(options.WorkDir, "awscli-" + server), store.Endpoint, credentials);
            StowageCli ??= cli;
            Variants.Add(new S3Variant(S3VariantKeys.AwsCli(server), "awscli v2 s3 cp (hex SHA-256 + MD5)", new AwsCliUploader(cli), store));
        }
    }
}
