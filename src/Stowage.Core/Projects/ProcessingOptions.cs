namespace Stowage.Core.Projects;

/// <summary>Bound from "Stowage:Processing".</summary>
public sealed class ProcessingOptions
{
    public const string Section = "Stowage:Processing";

    /// <summary>Most entries one archive may unpack to (an entry-count bomb stops here).</summary>
    public int MaxArchiveEntries { get; set; } = 100_000;

    /// <summary>Most bytes one archive may unpack to, counted as they are written (never from headers). 4 TiB.</summary>
    public long MaxExpandedBytes { get; set; } = 4L << 40;

    /// <summary>Largest ratio of unpacked to packed bytes (a compression bomb stops here); 0 turns the check off.</summary>
    public double MaxExpansionRatio { get; set; } = 1_000;

    /// <summary>Longest project title accepted.</summary>
    public int MaxTitleLength { get; set; } = 200;

    public IEnumerable<string> Validate()
    {
        if (MaxArchiveEntries <= 0 || MaxExpandedBytes <= 0 || MaxExpansionRatio < 0 || MaxTitleLength <= 0)
        {
            yield return "Processing: MaxArchiveEntries, MaxExpandedBytes and MaxTitleLength must be positive; MaxExpansionRatio >= 0.";
        }
    }
}
