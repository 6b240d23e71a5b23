namespace Stowage.Core.S3.Signing;

/// <summary>
/// What to presign: <paramref name="Method"/> on <paramref name="Bucket"/>/<paramref name="Key"/> with
/// <paramref name="Credentials"/> for <paramref name="Expiry"/> (whole seconds, 1 s up to
/// S3Options.MaxPresignedSeconds). With <see cref="UploadId"/> (and <see cref="PartNumber"/>) the URL is for a
/// multipart operation (UploadPart when both are set).
/// </summary>
public sealed record S3PresignRequest(string Method, string Bucket, string Key, S3Credentials Credentials, TimeSpan Expiry)
{
    /// <summary>The S3 endpoint's base URL (path-style URLs are built under it); null: S3Options.PublicEndpoint.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The region signed for; null: S3Options.Region.</summary>
    public string? Region { get; init; }

    public string? UploadId { get; init; }

    public int? PartNumber { get; init; }

    /// <summary>
    /// Sign <c>content-type</c> with an empty value: the uploader must then send no Content-Type or an empty
    /// one (the Links API tells clients to PUT with an explicitly empty Content-Type).
    /// </summary>
    public bool SignEmptyContentType { get; init; }
}
