using System.Collections.Concurrent;
using System.Diagnostics;

namespace Stowage.Bench.Swarm;

/// <summary>
/// The swarm itself: N clients, each uploading one file after another, chunk after chunk, until the time
/// bound. Clients start spread over a short ramp (a thousand connects in the same millisecond would
/// measure the listen backlog, not the server). At the bound no client starts another chunk; requests in
/// flight finish (bounded by the request timeout, then a hard stop cancels them) and the files they
/// belong to count as unfinished, not as errors. A failed request is tallied by kind, the client drops
/// that file, pauses briefly (so a dead server does not turn into a busy loop) and starts the next one.
/// </summary>
internal sealed class SwarmLoad(SwarmSource source, ISwarmProtocol protocol, int clients, int chunkBytes, TimeSpan duration, string extension, Func<string?> mustStop)
{
    /// <summary>Added to the time bound before in-flight requests are cancelled: the request timeout and a margin.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan ErrorPause = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRamp = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan GuardInterval = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentQueue<SwarmUpload> completed = new();
    private readonly ConcurrentDictionary<string, (long Count, string Example)> errors = new(StringComparer.Ordinal);
    private long nextUpload = -1;
    private long unfinished;
    private long chunks;
    private long bytes;
    private volatile string? stoppedEarly;

    /// <summary>How long the clients' starts are spread over: a tenth of the run, at most 2 s.</summary>
    public TimeSpan Ramp => TimeSpan.FromTicks(Math.Min(MaxRamp.Ticks, duration.Ticks / 10));

    public async Task<SwarmOutcome> RunAsync(CancellationToken ct)
    {
        using var soft = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var hard = CancellationTokenSource.CreateLinkedTokenSource(ct);
        soft.CancelAfter(duration);
        hard.CancelAfter(duration + RequestTimeout + TimeSpan.FromSeconds(5));
        var guard = GuardAsync(soft, hard.Token);

        var clock = Stopwatch.StartNew();
        var latencies = new List<float>[clients];
        var creates = new List<float>[clients];
        var tasks = new Task[clients];
        for (var i = 0; i < clients; i++)
        {
            var client = i;
            latencies[client] = [];
            creates[client] = [];
            tasks[client] = Task.Run(() => ClientAsync(client, latencies[client], creates[client], soft.Token, hard.Token), CancellationToken.None);
        }

        await Task.WhenAll(tasks);
        clock.Stop();
        await soft.CancelAsync();
        await guard;
        ct.ThrowIfCancellationRequested();

        return new SwarmOutcome
        {
            Completed = [.. completed],
            Unfinished = Interlocked.Read(ref unfinished),
            Chunks = Interlocked.Read(ref chunks),
            BytesAcknowledged = Interlocked.Read(ref bytes),
            ChunkMilliseconds = Sorted(latencies),
            CreateMilliseconds = Sorted(creates),
            Errors = new Dictionary<string, (long, string)>(errors, StringComparer.Ordinal),
            Seconds = clock.Elapsed.TotalSeconds,
            StoppedEarly = stoppedEarly,
        };
    }

    private async Task ClientAsync(int client, List<float> latencies, List<float> creates, CancellationToken soft, CancellationToken hard)
    {
        try
        {
            await Task.Delay(Ramp * client / clients, soft);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var fileBytes = source.FileBytes;
        while (!soft.IsCancellationRequested)
        {
            var n = Interlocked.Increment(ref nextUpload);
            var name = $"swarm-{n:D7}{extension}";
            try
            {
                var t0 = Stopwatch.GetTimestamp();
                var locator = await protocol.CreateAsync(name, fileBytes, hard);
                creates.Add((float)Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                long offset = 0;
                for (; offset < fileBytes && !soft.IsCancellationRequested; offset += chunkBytes)
                {
                    var length = (int)Math.Min(chunkBytes, fileBytes - offset);
                    t0 = Stopwatch.GetTimestamp();
                    await protocol.SendChunkAsync(locator, name, source.Handle, source.Offset(n) + offset, offset, length, fileBytes, hard);
                    latencies.Add((float)Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                    Interlocked.Increment(ref chunks);
                    Interlocked.Add(ref bytes, length);
                }

                if (offset >= fileBytes)
                {
                    completed.Enqueue(new SwarmUpload(n, name, locator));
                }
                else
                {
                    Interlocked.Increment(ref unfinished);
                }
            }
            catch (OperationCanceledException) when (hard.IsCancellationRequested)
            {
                // Cut by the hard stop: the bound, not the server.
                Interlocked.Increment(ref unfinished);
                return;
            }
            catch (SwarmFailure failure)
            {
                errors.AddOrUpdate(failure.Kind, _ => (1, failure.Message), (_, e) => (e.Count + 1, e.Example));

                try
                {
                    await Task.Delay(ErrorPause, soft);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Stops the run early when the caller says so (the scratch disk is filling up).</summary>
    private async Task GuardAsync(CancellationTokenSource soft, CancellationToken hard)
    {
        try
        {
            while (!soft.IsCancellationRequested)
            {
                await Task.Delay(GuardInterval, soft.Token);
                if (mustStop() is { } reason)
                {
                    stoppedEarly = reason;
                    await soft.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException) when (soft.IsCancellationRequested || hard.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    private static float[] Sorted(List<float>[] perClient)
    {
        var all = new float[perClient.Sum(l => l.Count)];
        var at = 0;
        foreach (var list in perClient)
        {
            list.CopyTo(all, at);
            at += list.Count;
        }

        Array.Sort(all);
        return all;
    }
}
