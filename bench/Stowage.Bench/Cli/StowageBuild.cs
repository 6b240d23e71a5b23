namespace Stowage.Bench.Cli;

/// <summary>
/// One Stowage build the bench runs: the build under test, or the baseline it is compared with
/// (bench/README.md, "A/B against a baseline build").
/// </summary>
internal sealed record StowageBuild(string Command, string Label, bool IsBaseline)
{
    /// <summary>Appended to a peer's key: "stowage-fsync-on" and "stowage-fsync-on@baseline" are one A/B pair.</summary>
    public const string BaselineKeySuffix = "@baseline";

    public string KeySuffix => IsBaseline ? BaselineKeySuffix : "";

    /// <summary>
    /// Appended to a peer's name; the build under test keeps the names the report always had. Only the
    /// label's first word ("e75ae50" of "e75ae50 (HEAD~1)"), to keep the tables' columns.
    /// </summary>
    public string NameSuffix => IsBaseline ? $", baseline {Label.Split(' ')[0]}" : "";

    /// <summary>Appended to a server's data directory, so the two builds never share one.</summary>
    public string DirectorySuffix => IsBaseline ? "-baseline" : "";
}
