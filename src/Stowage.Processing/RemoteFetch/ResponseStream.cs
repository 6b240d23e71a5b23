using Stowage.Core.Common;
using Stowage.Core.Processing;

namespace Stowage.Processing.RemoteFetch;

/// <summary>
/// The body of a response, read straight off the connection under its <see cref="TransferGuard"/>: a read still
/// waiting when the guard cuts the fetch is aborted, and it and every later read throw a
/// <see cref="ProcessingException"/> with the reason (permanent: see <see cref="IRemoteFetcher"/>). Disposing it
/// releases the response and the guard.
/// </summary>
internal sealed class ResponseStream(HttpResponseMessage response, Stream body, TransferGuard guard) : ReadOnlyStream
{
    public override int Read(Span<byte> buffer)
    {
        ThrowIfCut();

        // A synchronous read takes no token: closing the body is what stops it.
        using var abort = guard.Token.Register(static state => ((Stream)state!).Dispose(), body);
        int read;
        try
        {
            read = body.Read(buffer);
        }
        catch (Exception) when (guard.Reason is { } reason)
        {
            throw Failure(reason);
        }

        guard.Count(read);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfCut();
        int read;
        try
        {
            if (cancellationToken.CanBeCanceled)
            {
                using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, guard.Token);
                read = await body.ReadAsync(buffer, either.Token).ConfigureAwait(false);
            }
            else
            {
                read = await body.ReadAsync(buffer, guard.Token).ConfigureAwait(false);
            }
        }
        catch (Exception) when (guard.Reason is { } reason && !cancellationToken.IsCancellationRequested)
        {
            throw Failure(reason);
        }

        guard.Count(read);
        return read;
    }

    public override async ValueTask DisposeAsync()
    {
        await body.DisposeAsync().ConfigureAwait(false);
        Release();
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            body.Dispose();
            Release();
        }

        base.Dispose(disposing);
    }

    // What the aborted read threw (a reset, a cancellation) is only the means of the cut, not its reason.
    private static ProcessingException Failure(TransferCut reason) => new(reason.Code, reason.Message);

    private void ThrowIfCut()
    {
        if (guard.Reason is { } reason)
        {
            throw Failure(reason);
        }
    }

    private void Release()
    {
        guard.Dispose();
        response.Dispose();
    }
}
