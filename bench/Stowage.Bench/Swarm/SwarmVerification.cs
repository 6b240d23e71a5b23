namespace Stowage.Bench.Swarm;

/// <summary>
/// The after-run check of what a server stored: <see cref="Hashed"/> uploads' SHA-256 compared with their
/// source windows, and how the server was asked (<see cref="Method"/>). Any failure fails the server's run.
/// </summary>
internal sealed record SwarmVerification(string Method, int Hashed, IReadOnlyList<string> Failures)
{
    /// <summary>Uploads whose size alone was checked (every completed one, where that is cheap).</summary>
    public int SizeChecked { get; init; }

    public bool Passed => Failures.Count == 0;
}
