namespace Stowage.Processing.RemoteFetch;

/// <summary>Why <see cref="TransferGuard"/> stopped a fetch: a code for the project's errors and a message for people.</summary>
internal sealed record TransferCut(string Code, string Message);
