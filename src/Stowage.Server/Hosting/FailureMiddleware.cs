using Stowage.Core.Capacity;
using Stowage.Core.Errors;
using Stowage.Server.Protocols.Sessions;

namespace Stowage.Server.Hosting;

/// <summary>
/// Unexpected exceptions become the catalogue's 500 internal_error (503 storage_unavailable for I/O
/// failures) instead of an empty response; a client that disconnected is not an error (debug log only).
/// A store that ran out of space is 507 insufficient_storage, and from then on writes are refused up front
/// until there is room again (docs/operations.md, "A full disk").
/// </summary>
internal sealed class FailureMiddleware(RequestDelegate next, StorageCapacity capacity, ILogger<FailureMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (capacity.IsStorageFull(ex))
        {
            capacity.ReportFull();
            ServerLog.StorageFull(logger, context.Request.Method, context.Request.Path, ex.Message);
            if (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                context.Response.Clear();
                await SessionsResponses.WriteErrorAsync(context, Failure.Of(StowageErrors.InsufficientStorage)).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (context.RequestAborted.IsCancellationRequested)
        {
            _ = ex;
            ServerLog.ClientGone(logger, context.Request.Method, context.Request.Path);
        }
        catch (Exception ex)
        {
            ServerLog.Unhandled(logger, ex, context.Request.Method, context.Request.Path);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                var error = ex is IOException ? StowageErrors.StorageUnavailable : StowageErrors.Internal;
                await SessionsResponses.WriteErrorAsync(context, Failure.Of(error)).ConfigureAwait(false);
            }
        }
    }
}
