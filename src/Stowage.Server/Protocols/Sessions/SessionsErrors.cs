using Stowage.Core.Errors;

namespace Stowage.Server.Protocols.Sessions;

/// <summary>
/// The Sessions door's own failures, which only its wire format can have; every other failure is a core
/// entry (<see cref="StowageErrors"/>), whose code this door puts on the wire as it is
/// (docs/protocols/sessions.md, "Error catalogue").
/// </summary>
internal static class SessionsErrors
{
    public static readonly ErrorCode MissingBearerToken = new("missing_bearer_token", ErrorKind.Unauthenticated, "Send 'Authorization: Bearer sk_...'.");
    public static readonly ErrorCode InvalidJson = new("invalid_json", ErrorKind.Invalid, "The request body is not the JSON object this endpoint expects."); // Stowage
}
