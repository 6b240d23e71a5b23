using System.Net;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.Negative;

/// <summary>
/// STREAMING-AWS4-HMAC-SHA256-PAYLOAD bodies framed and signed by the tests (<see cref="AwsChunkedBody"/>,
/// 64 KiB chunks): intact, the server stores them; with one byte of a middle chunk flipped after signing,
/// the request fails and nothing of it becomes visible, neither a new key nor a new version of an old one.
/// </summary>
public sealed class SignedChunkTests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>, IDisposable
{
    private const string Bucket = S3ServerFixture.DottedBucket;
    private const int ChunkSize = 64 * 1024;
    private static readonly byte[] Content = Infrastructure.TestData.Bytes((5 * ChunkSize) + 1234, 402);

    private readonly RawS3 _s3 = new(fixture.Endpoint);

    [Fact]
    public async Task SignedChunks_Intact_AreStored_TheControlForTheTamperedOnes()
    {
        var key = S3ServerFixture.NewKey();

        using var response = await _s3.SendAsync(StreamingPut(key, out var body).WithContent(body.Bytes));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        body.ChunkCount.ShouldBe(6);
        (await fixture.Objects.Sha256Async(Bucket, key)).ShouldBe(SigV4.Sha256Hex(Content));
    }

    [Fact]
    public async Task TamperedChunk_Is403SignatureDoesNotMatch_AndTheKeyStaysAbsent()
    {
        var key = S3ServerFixture.NewKey();

        using var response = await _s3.SendAsync(StreamingPut(key, out var body).WithContent(body.WithTamperedChunk(2)));

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
        (await fixture.Objects.HeadAsync(Bucket, key)).ShouldBeNull("a request whose chunk failed its signature left an object");
    }

    [Fact]
    public async Task TamperedChunk_OverAnExistingObject_LeavesTheOldContent()
    {
        var key = S3ServerFixture.NewKey();
        var old = Infrastructure.TestData.Bytes(1000, 403);
        var oldETag = await fixture.Objects.PutAsync(Bucket, key, old);

        using var response = await _s3.SendAsync(StreamingPut(key, out var body).WithContent(body.WithTamperedChunk(4)));

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
        var head = (await fixture.Objects.HeadAsync(Bucket, key)).ShouldNotBeNull();
        head.ETag.ShouldBe(oldETag);
        (await fixture.Objects.Sha256Async(Bucket, key)).ShouldBe(SigV4.Sha256Hex(old));
    }

    public void Dispose() => _s3.Dispose();

    private SignedRequest StreamingPut(string key, out AwsChunkedBody body)
    {
        var request = SignedRequest.Create(HttpMethod.Put, _s3.ObjectUri(Bucket, key), fixture.AccountKey, AwsChunkedBody.StreamingPayload, AwsChunkedBody.Headers(Content.Length));
        body = AwsChunkedBody.Build(Content, ChunkSize, request);
        return request;
    }
}
