using Stowage.Bench.Cli;

namespace Stowage.Bench.Running;

/// <summary>Which upload-scenario peers are the two builds of one row ("stowage-fsync-on" and "stowage-fsync-on@baseline").</summary>
internal static class AbPairs
{
    public static bool IsBaseline(string key) => key.EndsWith(StowageBuild.BaselineKeySuffix, StringComparison.Ordinal);

    /// <summary>The head's key for either build of a Stowage row; null for peers that have no baseline twin.</summary>
    public static string? PairOf(string key) =>
        !key.StartsWith("stowage-", StringComparison.Ordinal) ? null
        : IsBaseline(key) ? key[..^StowageBuild.BaselineKeySuffix.Length]
        : key;

    public static string BaselineOf(string key) => key + StowageBuild.BaselineKeySuffix;
}
