using System.Net;
using System.Security.Cryptography;

namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>Fetches a presigned GET URL as a browser or curl would: no credentials, no extra headers.</summary>
public static class PresignedGet
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromMinutes(2) };

    public static async Task ShouldDownloadAsync(string url, TestFile file)
    {
        using var response = await Http.GetAsync(new Uri(url));
        var body = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}: {System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 2000)))}");
        Convert.ToHexStringLower(SHA256.HashData(body)).ShouldBe(file.Sha256, "SHA-256 of the presigned download");
    }
}
