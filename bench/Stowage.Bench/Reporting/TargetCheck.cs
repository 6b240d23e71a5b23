namespace Stowage.Bench.Reporting;

/// <summary>One of the targets and how this run fared against it; without a limit, a figure shown for context.</summary>
internal sealed record TargetCheck(string Name, double? Value, bool AtLeast, double? Limit, string Unit, string? Missing)
{
    /// <summary>The same ratio over median samples: a second opinion when one best sample was a lucky quiet moment.</summary>
    public double? MedianValue { get; init; }

    public string Status => Value is not { } v || Limit is not { } limit ? "n/a" : (AtLeast ? v >= limit : v <= limit) ? "PASS" : "FAIL";
}
