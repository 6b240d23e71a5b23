using Stowage.Core.Projects;
using Stowage.Server.Protocols.Sessions.Wire;

namespace Stowage.Server.Protocols.Sessions.Operations;

/// <summary>
/// DELETE /projects/{name} (a Stowage extension, docs/protocols/sessions.md, "Deleting a project"): 200
/// {"deleted": true}, idempotent like DELETE /uploads/{upload_id}.
/// </summary>
internal sealed class DeleteProject(SessionsGate gate, ProjectFileService files)
{
    public async Task HandleAsync(HttpContext context, string name)
    {
        if (await gate.EnterAsync(context, SessionsEndpoint.DeleteProject).ConfigureAwait(false) is not { } caller)
        {
            return;
        }

        var result = await files.DeleteAsync(caller, name, context.RequestAborted).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            await SessionsResponses.WriteErrorAsync(context, result.Failure).ConfigureAwait(false);
            return;
        }

        await SessionsResponses.WriteAsync(context, StatusCodes.Status200OK, new DeletedWire(true), SessionsJsonContext.Default.DeletedWire).ConfigureAwait(false);
    }
}
