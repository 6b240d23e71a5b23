namespace Stowage.Server.Protocols.S3;

/// <summary>How an error looks on the S3 wire: S3's code, the HTTP status S3 answers it with, S3's message.</summary>
internal sealed record S3WireError(string Code, int Status, string Message);
