using Stowage.Server.Hosting;

namespace Stowage.Server.Protocols.Sessions;

/// <summary>
/// The Sessions door's one exception handler: an exception no operation expected becomes the catalogue's answer
/// (<see cref="UnexpectedFailures"/>) in this door's JSON, instead of an empty 500. The S3 door has its own, in
/// <see cref="S3.S3Dispatcher"/>; this one never sees S3 requests.
/// </summary>
internal sealed class SessionsExceptionHandler(RequestDelegate next, UnexpectedFailures failures)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            if (failures.Classify(ex, context, context.Request.Path) is { } failure && !context.Response.HasStarted)
            {
                context.Response.Clear();
                await SessionsResponses.WriteErrorAsync(context, failure).ConfigureAwait(false);
            }
        }
    }
}
