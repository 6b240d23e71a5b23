using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Stowage.Core.Errors;
using Stowage.Core.Projects;
using Stowage.Server.Protocols.Sessions.Wire;

namespace Stowage.Server.Protocols.Sessions.Operations;

/// <summary>
/// POST /projects (seed 004): JSON with upload_id xor download_link, optional title, privacy_mode,
/// coordinate_system. Other processing fields the vendor documents are accepted and ignored.
/// </summary>
internal sealed class CreateProject(SessionsGate gate, ProjectService projects)
{
    /// <summary>A creation request is a few hundred bytes; 64 KiB leaves room for every optional field.</summary>
    private const long MaxBodyBytes = 64 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        if (await gate.EnterAsync(context, SessionsEndpoint.CreateProject).ConfigureAwait(false) is not { } caller)
        {
            return;
        }

        var request = await ReadAsync(context).ConfigureAwait(false);
        if (!request.IsSuccess)
        {
            await SessionsResponses.WriteErrorAsync(context, request.Failure).ConfigureAwait(false);
            return;
        }

        var created = await projects.CreateAsync(caller, request.Value, context.RequestAborted).ConfigureAwait(false);
        if (!created.IsSuccess)
        {
            await SessionsResponses.WriteErrorAsync(context, created.Failure).ConfigureAwait(false);
            return;
        }

        await SessionsResponses.WriteAsync(context, StatusCodes.Status201Created,
            new ProjectCreatedWire(created.Value.Name, created.Value.Status, created.Value.Message),
            SessionsJsonContext.Default.ProjectCreatedWire).ConfigureAwait(false);
    }

    private static async Task<Result<CreateProjectRequest>> ReadAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        // Read whole (at most MaxBodyBytes) so the parser can check it is UTF-8 before reading JSON from it.
        var body = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                var read = await context.Request.Body.ReadAsync(body.GetMemory(4096), context.RequestAborted).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                body.Advance(read);
                if (body.WrittenCount > MaxBodyBytes)
                {
                    return SessionsErrors.InvalidJson; // the server's limit stops the body first where it can be set
                }
            }
        }
        catch (BadHttpRequestException)
        {
            return SessionsErrors.InvalidJson;
        }

        return CreateProjectBody.Parse(body.WrittenMemory);
    }
}
