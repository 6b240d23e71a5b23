namespace Stowage.Bench.Running;

/// <summary>
/// The order in which one round visits its rows. Rows rotate by one place per round (so a burst of
/// noise is spread over all of them rather than landing on one), and the two builds of an A/B pair
/// stay next to each other, head first in even rounds and baseline first in odd ones: each pair is
/// measured back to back under the same conditions, and neither build always goes first.
/// </summary>
internal static class RoundOrder
{
    /// <summary>
    /// <paramref name="pairOf"/> names a row's A/B pair (null: the row has no twin); rows with the same
    /// pair name form one slot, placed where the first of them is.
    /// </summary>
    public static IReadOnlyList<T> For<T>(IReadOnlyList<T> rows, Func<T, string?> pairOf, Func<T, bool> isBaseline, int round)
    {
        var slots = new List<List<T>>();
        var byPair = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (pairOf(row) is { } pair && byPair.TryGetValue(pair, out var slot))
            {
                slot.Add(row);
                continue;
            }

            slot = [row];
            slots.Add(slot);
            if (pairOf(row) is { } first)
            {
                byPair[first] = slot;
            }
        }

        var order = new List<T>(rows.Count);
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[(i + round) % slots.Count];
            var headFirst = round % 2 == 0;
            order.AddRange(slot.OrderBy(row => isBaseline(row) == headFirst));
        }

        return order;
    }
}
