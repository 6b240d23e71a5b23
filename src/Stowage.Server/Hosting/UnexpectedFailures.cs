using Stowage.Core.Capacity;
using Stowage.Core.Errors;

namespace Stowage.Server.Hosting;

/// <summary>
/// What an exception no operation expected means, for every front door alike: a store that ran out of space is
/// <see cref="StowageErrors.InsufficientStorage"/>, and from then on writes are refused up front until there is
/// room again (docs/operations.md, "A full disk"); a client that disconnected is not an error (debug log, no
/// answer); an I/O failure is <see cref="StowageErrors.StorageUnavailable"/> (retry) and anything else
/// <see cref="StowageErrors.Internal"/>. Each door's one exception handler renders the answer in its own format.
/// </summary>
internal sealed class UnexpectedFailures(StorageCapacity capacity, ILogger<UnexpectedFailures> logger)
{
    /// <summary>The failure to answer with, or null when there is nobody left to answer.</summary>
    public Failure? Classify(Exception exception, HttpContext context, string resource)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(context);
        var method = context.Request.Method;
        if (capacity.IsStorageFull(exception))
        {
            capacity.ReportFull();
            ServerLog.StorageFull(logger, method, resource, exception.Message);
            return context.RequestAborted.IsCancellationRequested ? null : Failure.Of(StowageErrors.InsufficientStorage);
        }

        if (context.RequestAborted.IsCancellationRequested)
        {
            ServerLog.ClientGone(logger, method, resource);
            return null;
        }

        ServerLog.Unhandled(logger, exception, method, resource);
        return Failure.Of(exception is IOException ? StowageErrors.StorageUnavailable : StowageErrors.Internal);
    }
}
