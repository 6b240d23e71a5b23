namespace Stowage.Bench.Servers;

/// <summary>Peak resident set (VmHWM) of one process, and which process that was.</summary>
internal sealed record ProcessMemory(int Pid, string Command, long PeakRssBytes);
