namespace Stowage.Core.S3;

/// <summary>What an account's quota (<paramref name="QuotaBytes"/>) leaves room for: <paramref name="Bytes"/> more.</summary>
internal readonly record struct QuotaRoom(long Bytes, long QuotaBytes);
