namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>What <see cref="LoopbackFileServer"/> answers for one path.</summary>
public sealed class FileRoute
{
    private readonly TaskCompletionSource _holdReached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _holdReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _trickleStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _requests;
    private int _dropped;

    public byte[] Body { get; init; } = [];

    public int Status { get; init; } = 200;

    public string? Location { get; init; }

    /// <summary>
    /// When set, the first response sends this many body bytes, then stalls until <see cref="ReleaseHold"/>
    /// (or the connection dies); later requests are served whole.
    /// </summary>
    public int? HoldAfterBytes { get; init; }

    /// <summary>When set, every response sends its body one byte at a time with this pause after each byte.</summary>
    public TimeSpan? TrickleEvery { get; init; }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Completes once a trickling response has sent its first body byte.</summary>
    public Task TrickleStarted => _trickleStarted.Task;

    /// <summary>Trickling responses whose client closed the connection before the body was all sent.</summary>
    public int Dropped => Volatile.Read(ref _dropped);

    /// <summary>Completes once the first response has sent its first part and stalls.</summary>
    public Task HoldReached => _holdReached.Task;

    public void ReleaseHold() => _holdReleased.TrySetResult();

    internal int CountRequest() => Interlocked.Increment(ref _requests);

    internal void MarkHoldReached() => _holdReached.TrySetResult();

    internal void MarkTrickleStarted() => _trickleStarted.TrySetResult();

    internal void MarkDropped() => Interlocked.Increment(ref _dropped);

    internal Task HoldReleased => _holdReleased.Task;
}
