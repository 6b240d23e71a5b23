using System.Net;
using Stowage.Core.Processing;

namespace Stowage.Processing.RemoteFetch;

public sealed partial class HttpRemoteFetcher
{
    /// <summary>Sends one GET and returns once the headers are in; the body stays on the wire.</summary>
    private async Task<HttpResponseMessage> SendAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var headersTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        headersTimeout.CancelAfter(_options.ResponseHeadersTimeout);
        try
        {
            return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headersTimeout.Token);
        }
        catch (HttpRequestException ex) when (ex.InnerException is RemoteFetchException refused)
        {
            // Raised by ConnectAsync; SocketsHttpHandler wraps whatever a ConnectCallback throws.
            throw refused;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HttpRequestException($"No response from {url.GetLeftPart(UriPartial.Authority)} in time.", ex);
        }
    }

    private static async Task<RemoteFile> ToRemoteFileAsync(HttpResponseMessage response, Uri url, TransferGuard guard, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            try
            {
                var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                var name = RemoteFileName.From(response.Content.Headers, url);
                guard.StartBody();
                return new RemoteFile(new ResponseStream(response, body, guard), response.Content.Headers.ContentLength, name);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        response.Dispose();
        if (status >= 500)
        {
            // A server error may pass: surface it as transient so the job is retried.
            throw new HttpRequestException($"The download link answered {status}.", null, response.StatusCode);
        }

        throw new RemoteFetchException(UnreachableCode, $"The download link answered {status} {response.ReasonPhrase}.".TrimEnd());
    }
}
