using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Stowage.Core.Common;

/// <summary>
/// A read-only stream over another that sees every byte read through it (<see cref="OnRead"/>), like
/// <see cref="PassThroughStream"/>, but in a pipeline of three stages that run at the same time: a reader task
/// fills pooled buffers from the inner stream, an observer task runs <see cref="OnRead"/> over each buffer in
/// order, and the caller copies out buffers that have been observed. Hashing an upload (MD5 runs at about
/// 0.6 GB/s on one core) then overlaps with receiving it and with writing it, instead of adding to both.
/// <para>
/// <see cref="OnRead"/> runs on the observer task, once per buffer and once more at the end with
/// <c>endOfStream</c> true; whatever it or the inner stream throws is rethrown to the caller by the read that
/// would otherwise have returned the end, after every observed byte before it was delivered. The caller never
/// sees the end of the stream before <see cref="OnRead"/> has seen it. At most <see cref="MaxBuffers"/>
/// buffers are in flight. The inner stream is not disposed (a request body belongs to the server); disposing
/// this stream stops the stages.
/// </para>
/// </summary>
public abstract class PipelinedPassThroughStream : ReadOnlyStream
{
    /// <summary>Filled, observed, one in each stage's hands and the caller's current one.</summary>
    public const int MaxBuffers = 5;

    private readonly Stream _inner;
    private readonly int _bufferBytes;
    private readonly Channel<Segment> _filled = Channel.CreateBounded<Segment>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
    private readonly Channel<Segment> _observed = Channel.CreateBounded<Segment>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private Task? _stages;
    private Exception? _readFailure;
    private Exception? _failure;
    private Segment _current;
    private int _offset;
    private bool _ended;
    private bool _stopped;

    protected PipelinedPassThroughStream(Stream inner, int bufferBytes)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferBytes);
        _inner = inner;
        _bufferBytes = bufferBytes;
    }

    /// <summary>Called on the observer task with each buffer in order, and once with an empty span at the end.</summary>
    protected abstract void OnRead(ReadOnlySpan<byte> data, bool endOfStream);

    public override int Read(Span<byte> buffer)
    {
        var rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            var read = ReadAsync(rented.AsMemory(0, buffer.Length)).AsTask().GetAwaiter().GetResult();
            rented.AsSpan(0, read).CopyTo(buffer);
            return read;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_current.Buffer is null || _offset == _current.Count)
        {
            Release(ref _current);
            if (_ended)
            {
                return 0;
            }

            _stages ??= RunStagesAsync(_stop.Token);
            if (!await NextAsync(cancellationToken).ConfigureAwait(false))
            {
                _ended = true;
                if (_failure is not null)
                {
                    ExceptionDispatchInfo.Capture(_failure).Throw();
                }

                return 0;
            }
        }

        var count = Math.Min(buffer.Length, _current.Count - _offset);
        _current.Buffer.AsSpan(_offset, count).CopyTo(buffer.Span);
        _offset += count;
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            StopAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    private async ValueTask<bool> NextAsync(CancellationToken cancellationToken)
    {
        while (await _observed.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_observed.Reader.TryRead(out var segment))
            {
                _current = segment;
                _offset = 0;
                return true;
            }
        }

        return false;
    }

    private Task RunStagesAsync(CancellationToken stop) =>
        Task.WhenAll(Task.Run(() => ReadStageAsync(stop), CancellationToken.None), Task.Run(() => ObserveStageAsync(stop), CancellationToken.None));

    private async Task ReadStageAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                var segment = new Segment(ArrayPool<byte>.Shared.Rent(_bufferBytes), 0);
                try
                {
                    while (segment.Count < _bufferBytes)
                    {
                        var read = await _inner.ReadAsync(segment.Buffer.AsMemory(segment.Count, _bufferBytes - segment.Count), stop).ConfigureAwait(false);
                        if (read == 0)
                        {
                            break;
                        }

                        segment = segment with { Count = segment.Count + read };
                    }

                    if (segment.Count == 0)
                    {
                        Release(ref segment);
                        return;
                    }

                    await _filled.Writer.WriteAsync(segment, stop).ConfigureAwait(false);
                }
                catch
                {
                    Release(ref segment);
                    throw;
                }

                if (segment.Count < _bufferBytes)
                {
                    return; // a short fill means the inner stream ended
                }
            }
        }
        catch (Exception e)
        {
            _readFailure = e;
        }
        finally
        {
            _filled.Writer.TryComplete();
        }
    }

    private async Task ObserveStageAsync(CancellationToken stop)
    {
        try
        {
            while (await _filled.Reader.WaitToReadAsync(stop).ConfigureAwait(false))
            {
                while (_filled.Reader.TryRead(out var segment))
                {
                    try
                    {
                        OnRead(segment.Buffer.AsSpan(0, segment.Count), endOfStream: false);
                        await _observed.Writer.WriteAsync(segment, stop).ConfigureAwait(false);
                    }
                    catch
                    {
                        Release(ref segment);
                        throw;
                    }
                }
            }

            if (_readFailure is not null)
            {
                ExceptionDispatchInfo.Capture(_readFailure).Throw();
            }

            OnRead(ReadOnlySpan<byte>.Empty, endOfStream: true);
        }
        catch (Exception e)
        {
            _failure = e;
        }
        finally
        {
            _observed.Writer.TryComplete();
        }
    }

    private async ValueTask StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_stages is not null)
        {
            await _stages.ConfigureAwait(false); // the stages record their failures; they never throw
        }

        Release(ref _current);
        foreach (var channel in (Channel<Segment>[])[_filled, _observed])
        {
            while (channel.Reader.TryRead(out var segment))
            {
                Release(ref segment);
            }
        }

        _stop.Dispose();
    }

    private static void Release(ref Segment segment)
    {
        if (segment.Buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(segment.Buffer);
            segment = default;
        }
    }

    private record struct Segment(byte[] Buffer, int Count);
}
