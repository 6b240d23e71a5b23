using System.Net;

namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>Seed 004's resume-safe upload in C#: GET the file's received, then PUT chunks from there, resyncing on 409.</summary>
public static class ResumableUpload
{
    /// <summary>Uploads the rest of <paramref name="data"/>; returns the offset it resumed from.</summary>
    public static async Task<long> CompleteAsync(SessionsClient client, string uploadId, string name, byte[] data, int chunk)
    {
        var status = await client.GetFileAsync(uploadId, name);
        var received = status.Status == HttpStatusCode.OK ? status.Long("received") : 0;
        var resumedFrom = received;
        var maxRequests = (data.Length / chunk) + 20;
        for (var request = 0; received < data.Length; request++)
        {
            request.ShouldBeLessThan(maxRequests, $"the upload of {name} did not converge (received {received})");
            var length = (int)Math.Min(chunk, data.Length - received);
            var put = await client.PutChunkAsync(uploadId, name, data, received, length);
            if (put.Status is HttpStatusCode.OK or HttpStatusCode.Conflict)
            {
                received = put.Long("received");
                continue;
            }

            throw new ShouldAssertException($"Upload of {name} stopped: {put}");
        }

        return resumedFrom;
    }
}
