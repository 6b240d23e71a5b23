namespace Stowage.Bench.Running;

/// <summary>The two workloads of the issue.</summary>
internal enum Scenario
{
    /// <summary>One big file (1 GiB), chunked where the protocol chunks.</summary>
    Big,

    /// <summary>Many small files (2,000 × 256 KiB) from parallel clients.</summary>
    Small,
}
