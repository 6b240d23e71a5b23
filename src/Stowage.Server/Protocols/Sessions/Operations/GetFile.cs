using Stowage.Core.Errors;
using Stowage.Core.Uploads;
using Stowage.Server.Protocols.Sessions.Wire;

namespace Stowage.Server.Protocols.Sessions.Operations;

/// <summary>GET /uploads/{upload_id}/{filename} (seed 004): one file's progress, to resume from.</summary>
internal sealed class GetFile(SessionsGate gate, UploadSessionService uploads)
{
    public async Task HandleAsync(HttpContext context, string uploadId)
    {
        if (await gate.EnterAsync(context, SessionsEndpoint.GetFile).ConfigureAwait(false) is not { } caller)
        {
            return;
        }

        if (RawFileName.Of(context, uploadId) is not { } name)
        {
            await SessionsResponses.WriteErrorAsync(context, Failure.Of(StowageErrors.InvalidFilename)).ConfigureAwait(false);
            return;
        }

        var result = await uploads.GetFileAsync(caller, uploadId, name, context.RequestAborted).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            await SessionsResponses.WriteErrorAsync(context, result.Failure).ConfigureAwait(false);
            return;
        }

        var file = result.Value;
        await SessionsResponses.WriteAsync(context, StatusCodes.Status200OK,
            new FileProgressWire(file.Received, file.Total, file.Complete, Ignored: false),
            SessionsJsonContext.Default.FileProgressWire).ConfigureAwait(false);
    }
}
