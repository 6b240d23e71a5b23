using System.Globalization;
using Stowage.Core.Errors;
using Stowage.Core.Projects;
using Stowage.Server.Protocols.Sessions.Wire;

namespace Stowage.Server.Protocols.Sessions.Operations;

/// <summary>GET /projects?offset=&amp;limit= : the caller's projects, newest first (a Stowage shape; the seed names the endpoint only).</summary>
internal sealed class ListProjects(SessionsGate gate, ProjectService projects)
{
    private const int DefaultLimit = 100;

    public async Task HandleAsync(HttpContext context)
    {
        if (await gate.EnterAsync(context, SessionsEndpoint.ListProjects).ConfigureAwait(false) is not { } caller)
        {
            return;
        }

        if (!TryInt(context, "offset", 0, out var offset) || !TryInt(context, "limit", DefaultLimit, out var limit))
        {
            await SessionsResponses.WriteErrorAsync(context, Failure.With(StowageErrors.InvalidField, "field", "offset/limit")).ConfigureAwait(false);
            return;
        }

        var result = await projects.ListAsync(caller, offset, limit, context.RequestAborted).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            await SessionsResponses.WriteErrorAsync(context, result.Failure).ConfigureAwait(false);
            return;
        }

        var items = result.Value.Items.Select(p => new ProjectSummaryWire(p.Name, p.Title, p.Status, p.SizeBytes, p.Created.UtcDateTime, p.Updated.UtcDateTime)).ToList();
        await SessionsResponses.WriteAsync(context, StatusCodes.Status200OK, new ProjectListWire(items, result.Value.Total, offset, limit),
            SessionsJsonContext.Default.ProjectListWire).ConfigureAwait(false);
    }

    private static bool TryInt(HttpContext context, string name, int fallback, out int value)
    {
        var text = context.Request.Query[name].ToString();
        if (text.Length == 0)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
