namespace Stowage.Core.S3.Signing;

/// <summary>
/// A presigned URL (a string, not a <see cref="Uri"/>, so nothing re-normalizes the signed path), the method it
/// is for, when it stops working, and the headers besides Host that were signed and must be sent as given.
/// </summary>
public sealed record S3PresignedUrl(string Url, string Method, DateTimeOffset Expires, IReadOnlyDictionary<string, string> Headers);
