using Microsoft.Extensions.Time.Testing;

namespace Stowage.Core.Tests.Support;

/// <summary>
/// The tests' clocks: <see cref="FakeTimeProvider"/>s that move only when a test says so (timers included), all
/// starting at one instant.
/// </summary>
internal static class TestTime
{
    /// <summary>Whole milliseconds: the precision the metadata store keeps.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 14, 15, 9, 26, 535, TimeSpan.Zero);

    public static FakeTimeProvider New(DateTimeOffset? start = null) => new(start ?? Start);

    public static void AdvanceSeconds(this FakeTimeProvider time, double seconds) => time.Advance(TimeSpan.FromSeconds(seconds));
}
