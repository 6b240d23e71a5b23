using Microsoft.Net.Http.Headers;
using Stowage.Core.Accounts;
using Stowage.Core.Capacity;
using Stowage.Core.Errors;
using Stowage.Core.RateLimiting;

namespace Stowage.Server.Protocols.Sessions;

/// <summary>
/// What every Sessions API request passes first: the bearer key (401 missing_bearer_token /
/// invalid_api_key), the per-key, per-endpoint budget (429 rate_limited with Retry-After), and for the
/// endpoints that take space, room on the storage (507 insufficient_storage while it is full,
/// docs/operations.md, "A full disk"). Reads and DELETE, which frees space, always go on.
/// </summary>
internal sealed class SessionsGate(ApiKeyService keys, RateLimitPolicy rateLimits, StorageCapacity capacity)
{
    // The budgets' names (RateLimitOptions) are the endpoints' names; spelled once, not per request.
    private static readonly string[] Operations = Enum.GetNames<SessionsEndpoint>();

    /// <summary>The caller, or null after the refusal was written.</summary>
    public async Task<Principal?> EnterAsync(HttpContext context, SessionsEndpoint endpoint)
    {
        var secret = BearerToken(context.Request);
        if (secret is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await SessionsResponses.WriteErrorAsync(context, Failure.Of(SessionsErrors.MissingBearerToken)).ConfigureAwait(false);
            return null;
        }

        var caller = await keys.AuthenticateAsync(secret, context.RequestAborted).ConfigureAwait(false);
        if (!caller.IsSuccess)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await SessionsResponses.WriteErrorAsync(context, caller.Failure).ConfigureAwait(false);
            return null;
        }

        if (rateLimits.Admit(caller.Value, Operations[(int)endpoint]) is { } limited)
        {
            await SessionsResponses.WriteErrorAsync(context, limited).ConfigureAwait(false);
            return null;
        }

        if (TakesSpace(endpoint) && !capacity.AcceptsWrites())
        {
            await SessionsResponses.WriteErrorAsync(context, Failure.Of(StowageErrors.InsufficientStorage)).ConfigureAwait(false);
            return null;
        }

        return caller.Value;
    }

    /// <summary>A new session, a file's bytes, a project (its records, and the files an archive unpacks to).</summary>
    private static bool TakesSpace(SessionsEndpoint endpoint) =>
        endpoint is SessionsEndpoint.CreateUpload or SessionsEndpoint.PutFile or SessionsEndpoint.CreateProject;

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[Scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }
}
