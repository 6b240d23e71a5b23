using Stowage.Core.Common;

namespace Stowage.Processing.RemoteFetch;

/// <summary>The body of a response, read straight off the connection; disposing it releases the response.</summary>
internal sealed class ResponseStream(HttpResponseMessage response, Stream body) : PassThroughStream(body)
{
    protected override void OnRead(ReadOnlySpan<byte> data, bool endOfStream)
    {
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        response.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            response.Dispose();
        }

        base.Dispose(disposing);
    }
}
