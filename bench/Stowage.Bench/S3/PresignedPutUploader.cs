using System.Net;
using Amazon;
using Amazon.S3;
using Amazon.S3.Model;
using Stowage.Bench.Data;
using Stowage.Bench.Http;

namespace Stowage.Bench.S3;

/// <summary>
/// A presigned SigV4 PUT (UNSIGNED-PAYLOAD) of the whole file, sent by the same HttpClient code as the Sessions
/// API's and the plain PUT client's (FileRangeContent, 1 MiB reads): the S3 row whose client costs what the
/// Sessions client costs, so its ratio to the Sessions API is the server's own (MD5 and all).
/// </summary>
internal sealed class PresignedPutUploader(IAmazonS3 signer, HttpClient http) : IS3Uploader
{
    private static readonly TimeSpan UrlLifetime = TimeSpan.FromHours(1);

    public string Describe() => "presigned SigV4 PUT (X-Amz-SignedHeaders=host, UNSIGNED-PAYLOAD) sent with the Sessions client's HttpClient code";

    public async Task<string?> UploadAsync(TestFile file, string bucket, string key, CancellationToken ct)
    {
        var url = await signer.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = HttpVerb.PUT,
            Expires = DateTime.UtcNow.Add(UrlLifetime),
            Protocol = Protocol.HTTP, // AWSSDK.S3 4.0 presigns https unless told (reference/s3-wire SUMMARY)
        });
        using var source = File.OpenHandle(file.Path);
        using var request = new HttpRequestMessage(HttpMethod.Put, url)
        {
            Content = new FileRangeContent(source, 0, file.Length, "application/octet-stream"),
        };
        using var response = await http.SendAsync(request, ct);
        await ResponseCheck.ExpectAsync(response, $"presigned PUT {key}", ct, HttpStatusCode.OK);
        return response.Headers.ETag?.Tag;
    }
}
