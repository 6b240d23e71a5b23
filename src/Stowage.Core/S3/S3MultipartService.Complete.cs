using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Stowage.Core.Checksums;
using Stowage.Core.Errors;
using Stowage.Core.Storage;

namespace Stowage.Core.S3;

public sealed partial class S3MultipartService
{
    /// <summary>
    /// Completes the upload: MalformedXML for an empty list, InvalidPartOrder when numbers do not ascend,
    /// InvalidPart for a part not stored or whose ETag differs, EntityTooSmall for a part other than the last
    /// below MinPartBytes. The ETag is the MD5 of the parts' binary MD5s, hex, then "-N". No part byte is
    /// read: the parts' records give sizes and digests, and the blob store composes the files.
    /// Checksum: when the upload named an algorithm and every listed part has that checksum, the object gets
    /// S3's COMPOSITE checksum, the algorithm's digest of the concatenated raw part checksums, base64, then "-N"
    /// (docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html, "Using part-level
    /// checksums for multipart uploads"), or for CRC64NVME, which S3 keeps full-object only, the whole
    /// object's CRC combined from the parts'; otherwise none.
    /// </summary>
    public async Task<Result<S3ObjectRecord>> CompleteAsync(S3Bucket bucket, string key, string uploadId, IReadOnlyList<CompletedPart> parts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(parts);
        if (CheckList(parts) is { } badList)
        {
            return badList;
        }

        await using var held = await locks.TryAcquireAsync(LockName(uploadId), LockWait, cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            return Busy();
        }

        var upload = await GetAsync(bucket, key, uploadId, cancellationToken).ConfigureAwait(false);
        if (!upload.IsSuccess)
        {
            return upload.Failure;
        }

        var stored = (await store.ListPartsAsync(uploadId, 0, MaxPartNumber, cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.PartNumber);
        var chosen = ChooseParts(parts, stored, _options.MinPartBytes);
        if (!chosen.IsSuccess)
        {
            return chosen.Failure;
        }

        var owner = await accounts.GetAccountAsync(bucket.AccountId, cancellationToken).ConfigureAwait(false);
        var size = chosen.Value.Sum(p => p.Size);
        if (size > policy.MaxFileOf(owner))
        {
            return Failure.Because(StowageErrors.FileTooLarge,
                $"Your proposed upload of {size} bytes exceeds the maximum allowed size of {policy.MaxFileOf(owner)} bytes.");
        }

        var record = new S3ObjectRecord(bucket.Name, key, size, MultipartETag(chosen.Value), time.GetUtcNow(),
            upload.Value.Headers, ObjectChecksum(upload.Value.ChecksumAlgorithm, chosen.Value), chosen.Value.Count, upload.Value.Blob);
        try
        {
            await composer.ComposeAsync(upload.Value.Blob, uploadId, [.. parts.Select(p => p.PartNumber)], _durable, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return Failure.Because(StowageErrors.InvalidPart, "A listed part's bytes are missing; upload it again.");
        }

        // The object is in place: record it even if the client is gone by now. Until this commits, the upload's
        // row still names the composed blob, so an abort or the abandoned-upload sweep would remove it.
        var quota = policy.QuotaOf(owner);
        var outcome = await store.CompleteMultipartUploadAsync(uploadId, record, time.GetUtcNow(), quota, CancellationToken.None).ConfigureAwait(false);
        switch (outcome.Outcome)
        {
            case ObjectRecordOutcome.UploadGone:
                return StowageErrors.MultipartUploadNotFound;
            case ObjectRecordOutcome.QuotaExceeded:
                // The upload stays open (its parts now composed): the client may abort it, or complete it again once there is room.
                return S3Uploads.QuotaExceeded(quota);
        }

        if (outcome.Replaced is { } old)
        {
            await reclaimer.ReclaimNowAsync(old).ConfigureAwait(false);
        }

        return record;
    }

    /// <summary>What can be refused from the list alone: empty (MalformedXML), numbers not strictly ascending (InvalidPartOrder).</summary>
    private static Failure? CheckList(IReadOnlyList<CompletedPart> parts)
    {
        if (parts.Count == 0)
        {
            return Failure.Because(StowageErrors.MalformedBody, "CompleteMultipartUpload needs at least one Part.");
        }

        for (var i = 1; i < parts.Count; i++)
        {
            if (parts[i].PartNumber <= parts[i - 1].PartNumber)
            {
                return Failure.Because(StowageErrors.InvalidPartOrder,
                    $"Part {parts[i].PartNumber} follows part {parts[i - 1].PartNumber}: part numbers must be listed in ascending order, each once.");
            }
        }

        return null;
    }

    /// <summary>The stored records of the listed parts, in order: InvalidPart, then EntityTooSmall.</summary>
    private static Result<List<PartRecord>> ChooseParts(IReadOnlyList<CompletedPart> parts, Dictionary<int, PartRecord> stored, long minPartBytes)
    {
        var chosen = new List<PartRecord>(parts.Count);
        foreach (var listed in parts)
        {
            if (!stored.TryGetValue(listed.PartNumber, out var part))
            {
                return InvalidPart(listed, $"Part {listed.PartNumber} was not uploaded.");
            }

            if (!string.Equals(Unquote(listed.ETag), part.ETag, StringComparison.OrdinalIgnoreCase))
            {
                return InvalidPart(listed, $"The ETag given for part {listed.PartNumber} is not the part's ETag.");
            }

            if (listed.Checksum is { } given && part.Checksum is { } kept && given.Algorithm == kept.Algorithm
                && !string.Equals(given.Base64, kept.Base64, StringComparison.Ordinal))
            {
                return InvalidPart(listed, $"The {ChecksumNames.Name(given.Algorithm)} given for part {listed.PartNumber} is not the part's.");
            }

            chosen.Add(part);
        }

        // docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html: every part but the last at least 5 MiB.
        for (var i = 0; i < chosen.Count - 1; i++)
        {
            if (chosen[i].Size < minPartBytes)
            {
                var details = new Dictionary<string, object?>
                {
                    ["ProposedSize"] = chosen[i].Size,
                    ["MinSizeAllowed"] = minPartBytes,
                    ["PartNumber"] = chosen[i].PartNumber,
                    ["ETag"] = chosen[i].ETag,
                };
                return new Failure(StowageErrors.PartTooSmall, details,
                    reason: $"Part {chosen[i].PartNumber} is {chosen[i].Size} bytes; every part but the last must be at least {minPartBytes} bytes.");
            }
        }

        return chosen;
    }

    /// <summary>S3's multipart ETag: hex MD5 of the concatenated 16-byte MD5s of the parts, then "-" and their count.</summary>
    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "S3 defines the ETag as MD5; it is an identifier, not a security control.")]
    private static string MultipartETag(List<PartRecord> parts)
    {
        var digests = new byte[parts.Count * MD5.HashSizeInBytes];
        for (var i = 0; i < parts.Count; i++)
        {
            Convert.FromHexString(parts[i].ETag, digests.AsSpan(i * MD5.HashSizeInBytes, MD5.HashSizeInBytes), out _, out _);
        }

        return Convert.ToHexStringLower(MD5.HashData(digests)) + "-" + parts.Count;
    }

    /// <summary>
    /// The object's checksum from its parts' checksums, reading no data: COMPOSITE ("-N") for CRC32, CRC32C,
    /// SHA1 and SHA256, FULL_OBJECT for CRC64NVME (the CRC of the whole object, combined from the parts' CRCs
    /// and sizes), as S3 makes them. Null unless the upload named an algorithm and every part has its checksum.
    /// </summary>
    private static ChecksumValue? ObjectChecksum(ChecksumAlgorithm? algorithm, List<PartRecord> parts)
    {
        if (algorithm is not { } named || parts.Any(p => p.Checksum?.Algorithm != named))
        {
            return null;
        }

        if (named == ChecksumAlgorithm.Crc64Nvme)
        {
            var whole = Convert.FromBase64String(parts[0].Checksum!.Base64);
            foreach (var part in parts.Skip(1))
            {
                whole = CrcCombine.Digests(named, whole, Convert.FromBase64String(part.Checksum!.Base64), part.Size);
            }

            return new ChecksumValue(named, Convert.ToBase64String(whole));
        }

        var concatenated = parts.SelectMany(p => Convert.FromBase64String(p.Checksum!.Base64)).ToArray();
        return new ChecksumValue(named, Convert.ToBase64String(IncrementalChecksum.HashData(named, concatenated)) + "-" + parts.Count);
    }

    /// <summary>ETags arrive quoted or bare (the front door has already unescaped &amp;quot; and &amp;#34;).</summary>
    private static string Unquote(string etag)
    {
        var trimmed = etag.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"' ? trimmed[1..^1] : trimmed;
    }

    private static Failure InvalidPart(CompletedPart part, string reason) => new(
        StowageErrors.InvalidPart,
        new Dictionary<string, object?> { ["PartNumber"] = part.PartNumber, ["ETag"] = part.ETag },
        reason: reason);
}
