using Stowage.Bench.Data;

namespace Stowage.Bench.Clients;

/// <summary>One upload protocol, as a user's client would speak it.</summary>
internal interface IUploadClient
{
    /// <summary>How this client uploads, for the report (e.g. "tus 1.0, POST + PATCH 8 MiB").</summary>
    string Describe();

    /// <summary>Uploads the big file; <paramref name="tag"/> makes names unique per measurement.</summary>
    Task<UploadedFile> UploadBigAsync(TestFile file, string tag, CancellationToken ct);

    /// <summary>Does whatever must precede a batch of small files (the Sessions API opens one session).</summary>
    Task<ISmallBatch> StartSmallBatchAsync(string tag, CancellationToken ct);
}
