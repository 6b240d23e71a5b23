namespace Stowage.Bench.Reporting;

/// <summary>One of the targets and how this run fared against it.</summary>
internal sealed record TargetCheck(string Name, double? Value, bool AtLeast, double Limit, string Unit, string? Missing)
{
    /// <summary>The same ratio over median samples: a second opinion when one best sample was a lucky quiet moment.</summary>
    public double? MedianValue { get; init; }

    public string Status => Value is not { } v ? "n/a" : (AtLeast ? v >= Limit : v <= Limit) ? "PASS" : "FAIL";
}
