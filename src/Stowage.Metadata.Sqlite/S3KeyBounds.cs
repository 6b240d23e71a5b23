namespace Stowage.Metadata.Sqlite;

/// <summary>
/// The key range of a listing as SQL terms over a <c>key</c> column, so SQLite can answer it with one
/// range scan of the (bucket, key) index: one lower bound (the greater of the prefix, inclusive, and the
/// marker, exclusive or inclusive) and the prefix's upper bound. Two lower-bound terms would leave one
/// as a row-by-row filter, and a deep page would scan every key before its marker.
/// </summary>
internal sealed record S3KeyBounds(string Sql, string Lower, string? Upper)
{
    /// <param name="prefix">Keys must start with it ("" for all).</param>
    /// <param name="marker">Keys must sort after it (null for none).</param>
    /// <param name="markerInclusive">True when the marker key itself may appear (ListMultipartUploads with an upload-id marker).</param>
    public static S3KeyBounds For(string column, string prefix, string? marker, bool markerInclusive)
    {
        var upper = Utf8KeyRange.PrefixUpperBound(prefix);
        var upperSql = upper is null ? "" : $" AND {column} < @upper";
        return marker is not null && Utf8KeyRange.Compare(marker, prefix) >= 0
            ? new S3KeyBounds($"{column} {(markerInclusive ? ">=" : ">")} @lower{upperSql}", marker, upper)
            : new S3KeyBounds($"{column} >= @lower{upperSql}", prefix, upper);
    }
}
