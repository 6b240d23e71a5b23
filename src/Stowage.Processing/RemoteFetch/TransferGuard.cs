using System.Globalization;

namespace Stowage.Processing.RemoteFetch;

/// <summary>
/// Cuts one fetch that takes longer than <see cref="RemoteFetchOptions.TransferDeadline"/> in all, or whose body
/// arrives slower than <see cref="RemoteFetchOptions.MinimumBytesPerSecond"/> averaged over a
/// <see cref="RemoteFetchOptions.MinimumRateWindow"/> (curl's --speed-limit/--speed-time rule). Without it, a link
/// that trickles a byte a second holds a job worker for as long as its server likes. The guard only cancels
/// <see cref="Token"/> and remembers why; the fetcher turns that into the failure the caller sees.
/// </summary>
internal sealed class TransferGuard : IDisposable
{
    public const string TooSlowCode = "download_too_slow";
    public const string TimedOutCode = "download_timed_out";

    /// <summary>Rate samples per window: a slow body is noticed at most a fifth of a window late.</summary>
    private const int SamplesPerWindow = 5;

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _cut = new();
    private readonly RemoteFetchOptions _options;
    private readonly TimeProvider _time;
    private readonly ITimer _deadline;
    private readonly long[] _samples = new long[SamplesPerWindow + 1];
    private ITimer? _rate;
    private int _taken;
    private long _bytes;
    private bool _disposed;
    private TransferCut? _reason;

    public TransferGuard(RemoteFetchOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _deadline = time.CreateTimer(_ => Cut(TimedOutCode, DeadlineMessage()), null, options.TransferDeadline, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Cancelled once the fetch is cut.</summary>
    public CancellationToken Token => _cut.Token;

    /// <summary>Why the fetch was cut; null while it may go on.</summary>
    public TransferCut? Reason => Volatile.Read(ref _reason);

    /// <summary>Starts watching the rate: from the first body byte on, the headers have their own timeout.</summary>
    public void StartBody()
    {
        if (_options.MinimumBytesPerSecond <= 0)
        {
            return;
        }

        var every = _options.MinimumRateWindow / SamplesPerWindow;
        lock (_gate)
        {
            if (!_disposed && _rate is null)
            {
                _rate = _time.CreateTimer(_ => Sample(), null, every, every);
            }
        }
    }

    /// <summary>Counts body bytes received.</summary>
    public void Count(int bytes) => Interlocked.Add(ref _bytes, bytes);

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _deadline.Dispose();
            _rate?.Dispose();
            _cut.Dispose();
        }
    }

    /// <summary>
    /// Keeps the byte count of the last window's worth of ticks; once a whole window has been seen, a window that
    /// brought fewer than its share of bytes cuts the fetch.
    /// </summary>
    private void Sample()
    {
        var total = Interlocked.Read(ref _bytes);
        long inWindow;
        lock (_gate)
        {
            var slot = _taken % _samples.Length;
            _samples[slot] = total;
            _taken++;
            if (_taken <= SamplesPerWindow)
            {
                // Samples are taken at the ends of the ticks, so a window back from tick n is tick n - 5, or the start (0 bytes) for n = 5.
                if (_taken < SamplesPerWindow)
                {
                    return;
                }

                inWindow = total;
            }
            else
            {
                inWindow = total - _samples[(_taken - 1 - SamplesPerWindow) % _samples.Length];
            }
        }

        var seconds = _options.MinimumRateWindow.TotalSeconds;
        if (inWindow < _options.MinimumBytesPerSecond * seconds)
        {
            Cut(TooSlowCode, string.Create(
                CultureInfo.InvariantCulture,
                $"The download was stopped: the link sent {inWindow} bytes in {seconds:0.###} s, below the minimum of {_options.MinimumBytesPerSecond} bytes per second."));
        }
    }

    private string DeadlineMessage() => string.Create(
        CultureInfo.InvariantCulture,
        $"The download was stopped: it did not finish within {_options.TransferDeadline.TotalSeconds:0.###} s ({Interlocked.Read(ref _bytes)} bytes received).");

    private void Cut(string code, string message)
    {
        lock (_gate)
        {
            if (_disposed || _reason is not null)
            {
                return;
            }

            Volatile.Write(ref _reason, new TransferCut(code, message));
            _deadline.Dispose();
            _rate?.Dispose();
        }

        // Outside the lock: cancelling runs the registrations (SocketsHttpHandler aborts the connection) and maybe
        // the failed read's continuation on this thread, which may dispose the guard.
        try
        {
            _cut.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // the fetch ended meanwhile
        }
    }
}
