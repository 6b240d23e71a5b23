namespace Stowage.Bench.Servers;

/// <summary>What a command that ran to completion printed and returned.</summary>
internal sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError);
