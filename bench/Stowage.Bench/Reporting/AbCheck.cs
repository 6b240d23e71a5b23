namespace Stowage.Bench.Reporting;

/// <summary>
/// One row of the A/B comparison: a workload and protocol measured for the build under test and for
/// the baseline in the same rounds. <see cref="Ratio"/> is oriented so that above 1 means the head is
/// better (head / baseline for a rate, baseline / head for a time). Server CPU per GB is shown beside,
/// not judged.
/// </summary>
internal sealed record AbCheck(string Workload, string Protocol, string Unit, bool HigherIsBetter)
{
    /// <summary>The head must keep at least 95 % of the baseline's figure.</summary>
    public const double Target = 0.95;

    public double? HeadBest { get; init; }

    public double? BaselineBest { get; init; }

    public double? HeadMedian { get; init; }

    public double? BaselineMedian { get; init; }

    /// <summary>Median server CPU seconds per GB of each build; null where not recorded.</summary>
    public double? HeadCpu { get; init; }

    public double? BaselineCpu { get; init; }

    /// <summary>Why a side has no figure (not run, skipped, failed); null when both were measured.</summary>
    public string? Missing { get; init; }

    /// <summary>The judged figure: the ratio of the two builds' best samples.</summary>
    public double? Ratio => Oriented(HeadBest, BaselineBest);

    /// <summary>The same over the medians: a second opinion when one best sample was a lucky quiet moment.</summary>
    public double? MedianRatio => Oriented(HeadMedian, BaselineMedian);

    public string Status => Ratio is not { } r ? "n/a" : r >= Target ? "PASS" : "FAIL";

    private double? Oriented(double? head, double? baseline) =>
        head is not { } h || baseline is not { } b || h <= 0 || b <= 0 ? null : HigherIsBetter ? h / b : b / h;
}
