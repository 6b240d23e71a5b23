using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Stowage.Core.Errors;
using Stowage.Core.Uploads;
using Stowage.Server.Protocols.Sessions.Wire;

namespace Stowage.Server.Protocols.Sessions.Operations;

/// <summary>PUT /uploads/{upload_id}/{filename} (seed 004): a whole file or one Content-Range chunk.</summary>
internal sealed class PutFile(SessionsGate gate, UploadSessionService uploads)
{
    public async Task HandleAsync(HttpContext context, string uploadId)
    {
        if (await gate.EnterAsync(context, SessionsEndpoint.PutFile).ConfigureAwait(false) is not { } caller)
        {
            return;
        }

        if (RawFileName.Of(context, uploadId) is not { } name)
        {
            await SessionsResponses.WriteErrorAsync(context, Failure.Of(StowageErrors.InvalidFilename)).ConfigureAwait(false);
            return;
        }

        ChunkRange? range = null;
        var rangeHeader = context.Request.Headers[HeaderNames.ContentRange];
        if (rangeHeader.Count > 0)
        {
            if (rangeHeader.Count > 1 || !ContentRangeHeader.TryParse(rangeHeader.ToString(), out var parsed))
            {
                await SessionsResponses.WriteErrorAsync(context, Failure.Of(StowageErrors.InvalidContentRange)).ConfigureAwait(false);
                return;
            }

            range = parsed;
        }

        // The core checks the length against the range and the file limit; the server-wide default
        // body cap (for JSON endpoints) must not cut a large file short.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var body = new UploadBody(context.Request.BodyReader, context.Request.ContentLength, range);
        var result = await uploads.WriteAsync(caller, uploadId, name, body, context.RequestAborted).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            await SessionsResponses.WriteErrorAsync(context, result.Failure).ConfigureAwait(false);
            return;
        }

        var progress = result.Value;
        await SessionsResponses.WriteAsync(context, StatusCodes.Status200OK,
            new FileProgressWire(progress.Received, progress.Total, progress.Complete, progress.Ignored),
            SessionsJsonContext.Default.FileProgressWire).ConfigureAwait(false);
    }
}
