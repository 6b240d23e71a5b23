using Stowage.Core.Errors;

namespace Stowage.Core.S3;

public sealed partial class S3ObjectService
{
    /// <summary>S3 returns at most 1,000 keys a page and clamps larger max-keys to it (API_ListObjectsV2.html).</summary>
    public const int MaxListKeys = 1000;

    // Small enough that few keys under a common prefix are read only to be skipped, large enough that a
    // listing of plain keys reaches full batches after a handful of queries.
    private const int FirstDelimitedBatch = 64;

    /// <summary>
    /// A string above every key that starts with a given prefix: the prefix followed by more U+10FFFF
    /// (UTF-8 F4 8F BF BF, the largest) than fit in a 1,024-byte key. Listing after it skips a whole
    /// common prefix in one step.
    /// </summary>
    private static readonly string AfterEveryKeySuffix = string.Concat(Enumerable.Repeat("\U0010FFFF", S3ObjectKeys.MaxKeyBytes / 4 + 1));

    /// <summary>
    /// ListObjectsV2 (docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html): keys starting with the
    /// prefix, in UTF-8 byte order, after start-after or the continuation token (which wins when both are
    /// given); with a delimiter, keys holding it after the prefix are rolled up into one CommonPrefix each,
    /// and each CommonPrefix counts as one entry against max-keys. InvalidArgument for a negative max-keys
    /// or a continuation token that is not one of ours.
    /// </summary>
    public async Task<Result<ObjectListing>> ListAsync(S3Bucket bucket, ObjectListRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(request);
        if (request.MaxKeys < 0)
        {
            return Failure.Because(StowageErrors.InvalidField, "max-keys must be a non-negative integer.");
        }

        var prefix = request.Prefix ?? string.Empty;
        var delimiter = string.IsNullOrEmpty(request.Delimiter) ? null : request.Delimiter;
        var after = request.StartAfter is { Length: > 0 } startAfter ? startAfter : null;
        string? lastPrefix = null;
        if (request.ContinuationToken is { } token)
        {
            if (!S3ContinuationTokens.TryDecode(token, out var continued))
            {
                return Failure.Because(StowageErrors.InvalidField, "The continuation token provided is incorrect.");
            }

            // When the previous page ended on a common prefix, the keys under it are not listed again.
            var endedOnPrefix = delimiter is not null && continued.EndsWith(delimiter, StringComparison.Ordinal);
            lastPrefix = endedOnPrefix ? continued : null;
            after = endedOnPrefix ? continued + AfterEveryKeySuffix : continued;
        }

        var maxKeys = Math.Min(request.MaxKeys, MaxListKeys);
        return maxKeys == 0
            ? new ObjectListing([], [], IsTruncated: false, NextContinuationToken: null)
            : await ScanAsync(bucket, prefix, delimiter, after, lastPrefix, maxKeys, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads pages of keys from the store in order. Without a delimiter every row read is returned, so a
    /// batch is what still fits plus one (which tells whether the page is truncated). With one, rows under a
    /// common prefix are wasted reads, so batches start small and double while no prefix interrupts them; a
    /// common prefix that reaches the end of its batch is skipped in one step, by continuing the scan after
    /// its upper bound instead of reading the keys under it.
    /// </summary>
    private async Task<ObjectListing> ScanAsync(S3Bucket bucket, string prefix, string? delimiter, string? after, string? lastPrefix, int maxKeys, CancellationToken cancellationToken)
    {
        var objects = new List<S3ObjectRecord>();
        var prefixes = new List<string>();
        string? lastEntry = null;
        var batchSize = delimiter is null ? MaxListKeys + 1 : FirstDelimitedBatch;
        while (true)
        {
            var limit = Math.Min(maxKeys - objects.Count - prefixes.Count + 1, batchSize);
            var batch = await ListBatchAsync(bucket, prefix, after, limit, cancellationToken).ConfigureAwait(false);
            var jumped = false;
            foreach (var obj in batch)
            {
                after = obj.Key;
                var commonPrefix = CommonPrefixOf(obj.Key, prefix, delimiter);
                if (commonPrefix is not null && string.Equals(commonPrefix, lastPrefix, StringComparison.Ordinal))
                {
                    continue; // under a common prefix already returned
                }

                if (objects.Count + prefixes.Count == maxKeys)
                {
                    return new ObjectListing(objects, prefixes, IsTruncated: true, S3ContinuationTokens.Encode(lastEntry!));
                }

                if (commonPrefix is null)
                {
                    objects.Add(obj);
                    lastEntry = obj.Key;
                    continue;
                }

                prefixes.Add(commonPrefix);
                lastEntry = lastPrefix = commonPrefix;
                if (batch[^1].Key.StartsWith(commonPrefix, StringComparison.Ordinal))
                {
                    after = commonPrefix + AfterEveryKeySuffix;
                    jumped = true;
                    break;
                }
            }

            // A short batch is the end, even after a jump: nothing sorts after its last key.
            if (batch.Count < limit)
            {
                return new ObjectListing(objects, prefixes, IsTruncated: false, NextContinuationToken: null);
            }

            batchSize = jumped ? FirstDelimitedBatch : Math.Min(batchSize * 2, MaxListKeys + 1);
        }
    }

    /// <summary>Keys in order from the object records, or, in the projects bucket, from the bucket's account's projects.</summary>
    private Task<IReadOnlyList<S3ObjectRecord>> ListBatchAsync(S3Bucket bucket, string prefix, string? after, int limit, CancellationToken cancellationToken) =>
        projectsBucket.Is(bucket.Name)
            ? projectsBucket.ListAsync(bucket.AccountId, prefix, after, limit, cancellationToken)
            : store.ListObjectsAsync(bucket.Name, prefix, after, limit, cancellationToken);

    /// <summary>The key up to and including the first delimiter after the prefix, or null when it has none there.</summary>
    private static string? CommonPrefixOf(string key, string prefix, string? delimiter)
    {
        if (delimiter is null)
        {
            return null;
        }

        var at = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
        return at < 0 ? null : key[..(at + delimiter.Length)];
    }
}
