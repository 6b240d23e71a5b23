namespace Stowage.Core.Errors;

/// <summary>
/// One entry of an error catalogue: a stable machine code, what it means, and a human message. The core's
/// entries are in <see cref="StowageErrors"/> (snake_case codes); a front door may add entries for failures
/// only its wire format can have (a malformed header, a bad signature), coded as that protocol codes them.
/// Each door renders every entry in its own wire format.
/// </summary>
public sealed record ErrorCode(string Code, ErrorKind Kind, string Message);
