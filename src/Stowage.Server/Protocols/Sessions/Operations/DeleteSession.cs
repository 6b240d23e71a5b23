using Stowage.Core.Capacity;
using Stowage.Core.Uploads;
using Stowage.Server.Protocols.Sessions.Wire;

namespace Stowage.Server.Protocols.Sessions.Operations;

/// <summary>
/// DELETE /uploads/{upload_id} (seed 004): 200 {"deleted": true}, idempotent. It frees space, so it works on a
/// full disk too: should even expiring the session find no room, the storage reserve goes and it runs again.
/// </summary>
internal sealed class DeleteSession(SessionsGate gate, UploadSessionService uploads, StorageCapacity capacity)
{
    public async Task HandleAsync(HttpContext context, string uploadId)
    {
        if (await gate.EnterAsync(context, SessionsEndpoint.DeleteSession).ConfigureAwait(false) is not { } caller)
        {
            return;
        }

        var result = await capacity.FreeingAsync(() => uploads.DeleteAsync(caller, uploadId, context.RequestAborted)).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            await SessionsResponses.WriteErrorAsync(context, result.Failure).ConfigureAwait(false);
            return;
        }

        await SessionsResponses.WriteAsync(context, StatusCodes.Status200OK, new DeletedWire(true), SessionsJsonContext.Default.DeletedWire).ConfigureAwait(false);
    }
}
