namespace Stowage.Metadata.Sqlite.Rows;

/// <summary>Times are stored as INTEGER unix milliseconds UTC: sortable, compact, and exact to the millisecond.</summary>
internal static class UnixMillis
{
    public static long From(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static long? From(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    public static DateTimeOffset To(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public static DateTimeOffset? To(long? value) => value is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
}
