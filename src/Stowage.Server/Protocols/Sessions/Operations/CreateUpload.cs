using Stowage.Core.Uploads;
using Stowage.Server.Protocols.Sessions.Wire;

namespace Stowage.Server.Protocols.Sessions.Operations;

/// <summary>POST /uploads (seed 004): 201 {"upload_id", "expires_in_seconds"}.</summary>
internal sealed class CreateUpload(SessionsGate gate, UploadSessionService uploads)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (await gate.EnterAsync(context, SessionsEndpoint.CreateUpload).ConfigureAwait(false) is not { } caller)
        {
            return;
        }

        var created = await uploads.CreateAsync(caller, context.RequestAborted).ConfigureAwait(false);
        if (!created.IsSuccess)
        {
            await SessionsResponses.WriteErrorAsync(context, created.Failure).ConfigureAwait(false);
            return;
        }

        await SessionsResponses.WriteAsync(context, StatusCodes.Status201Created,
            new UploadCreatedWire(created.Value.UploadId, created.Value.ExpiresInSeconds),
            SessionsJsonContext.Default.UploadCreatedWire).ConfigureAwait(false);
    }
}
