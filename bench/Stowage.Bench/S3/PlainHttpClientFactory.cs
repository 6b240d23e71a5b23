using Amazon.Runtime;

namespace Stowage.Bench.S3;

/// <summary>Gives the SDK an HttpClient over <see cref="PlainHttpHandler"/>; the SDK's own Timeout bounds each request.</summary>
internal sealed class PlainHttpClientFactory(PayloadRecorder recorder) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(new PlainHttpHandler(recorder)) { Timeout = Timeout.InfiniteTimeSpan };
}
