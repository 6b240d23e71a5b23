using Stowage.Bench.Http;

namespace Stowage.Bench.S3;

/// <summary>
/// The SDK's transport. AWSSDK.S3 refuses DisablePayloadSigning unless the endpoint is https ("When
/// DisablePayloadSigning is true, the request must be sent over HTTPS"), so the UNSIGNED-PAYLOAD client is
/// configured with an https ServiceURL and this handler sends its requests over plain http to the same host
/// and port. SigV4 signs the Host header (host:port) and not the scheme, so the signatures stay valid, and
/// every mode is compared over the same transport. It also records each PUT's x-amz-content-sha256.
/// </summary>
internal sealed class PlainHttpHandler(PayloadRecorder recorder) : DelegatingHandler(BenchHttp.NewHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { Scheme: "https" } uri)
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = Uri.UriSchemeHttp, Port = uri.Port }.Uri;
        }

        if (request.Method == HttpMethod.Put && request.Headers.TryGetValues("x-amz-content-sha256", out var values))
        {
            recorder.Add(values.First());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
