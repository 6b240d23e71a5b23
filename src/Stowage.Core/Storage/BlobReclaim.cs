namespace Stowage.Core.Storage;

/// <summary>
/// A blob that no record will keep once <paramref name="Due"/> has passed: the bytes of a replaced or deleted
/// object, a write that may have died before its record was made, or an aborted multipart upload (then
/// <paramref name="UploadId"/> names the parts to drop with it).
/// </summary>
public sealed record BlobReclaim(ObjectRef Blob, string? UploadId, DateTimeOffset Due);
