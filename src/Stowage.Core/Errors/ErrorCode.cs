namespace Stowage.Core.Errors;

/// <summary>
/// One entry of the error catalogue: a stable machine code, the HTTP status it maps to by default,
/// and a human message. Each protocol front door renders it in its own wire format.
/// </summary>
public sealed record ErrorCode(string Code, int Status, string Message);
