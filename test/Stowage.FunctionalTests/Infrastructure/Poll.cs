using System.Diagnostics;

namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>Bounded waiting: every loop in these tests ends by count and by time.</summary>
public static class Poll
{
    /// <summary>Calls <paramref name="probe"/> until it returns a value, or fails the test after <paramref name="timeout"/>.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what, int intervalMilliseconds = 50)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        var attempts = (int)(timeout.TotalMilliseconds / intervalMilliseconds) + 1;
        for (var attempt = 0; attempt < attempts && clock.Elapsed < timeout; attempt++)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(intervalMilliseconds);
        }

        throw new ShouldAssertException($"Timed out after {timeout} waiting for {what}.");
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, int intervalMilliseconds = 50) =>
        await UntilAsync<object>(async () => await condition() ? new object() : null, timeout, what, intervalMilliseconds);

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what, int intervalMilliseconds = 50) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, what, intervalMilliseconds);
}
