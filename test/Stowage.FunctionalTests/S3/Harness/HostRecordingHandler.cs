using System.Collections.Concurrent;

namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>Notes the host name of every request an SDK sends, before passing it on unchanged.</summary>
public sealed class HostRecordingHandler(ConcurrentQueue<string> hosts) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        hosts.Enqueue(request.RequestUri!.Host);
        return base.SendAsync(request, cancellationToken);
    }
}
