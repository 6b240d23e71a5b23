namespace Stowage.Core.S3;

/// <summary>An object to send: its record and its bytes from the requested offset (the caller disposes the stream).</summary>
public sealed record ObjectContent(S3ObjectRecord Object, Stream Content);
