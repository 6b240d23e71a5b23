namespace Stowage.Bench.Peers;

/// <summary>The peer cannot run on this machine (not installed, not built yet): skipped, not failed.</summary>
internal sealed class PeerUnavailableException(string message) : Exception(message);
