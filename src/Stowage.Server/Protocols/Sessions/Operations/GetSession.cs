using Stowage.Core.Uploads;
using Stowage.Server.Protocols.Sessions.Wire;

namespace Stowage.Server.Protocols.Sessions.Operations;

/// <summary>GET /uploads/{upload_id} (seed 004): every file of the session and its progress.</summary>
internal sealed class GetSession(SessionsGate gate, UploadSessionService uploads)
{
    public async Task HandleAsync(HttpContext context, string uploadId)
    {
        if (await gate.EnterAsync(context, SessionsEndpoint.GetSession).ConfigureAwait(false) is not { } caller)
        {
            return;
        }

        var result = await uploads.GetSessionAsync(caller, uploadId, context.RequestAborted).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            await SessionsResponses.WriteErrorAsync(context, result.Failure).ConfigureAwait(false);
            return;
        }

        var view = result.Value;
        var files = view.Files.Select(f => new SessionFileWire(f.Name, f.Received, f.Total, f.Complete)).ToList();
        await SessionsResponses.WriteAsync(context, StatusCodes.Status200OK,
            new SessionWire(view.UploadId, view.ExpiresInSeconds, files),
            SessionsJsonContext.Default.SessionWire).ConfigureAwait(false);
    }
}
