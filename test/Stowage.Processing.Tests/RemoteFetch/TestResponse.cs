namespace Stowage.Processing.Tests.RemoteFetch;

/// <summary>A canned answer of <see cref="TestHttpServer"/>; without Content-Length the body ends when the connection closes.</summary>
internal sealed record TestResponse(int Status, byte[] Body, bool OmitContentLength = false, params (string Name, string Value)[] Headers)
{
    /// <summary>How long the server waits before answering, to exercise timeouts.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>When set, only this many body bytes are sent; then the connection stays open and silent (30 s at most).</summary>
    public int? StallAfterBytes { get; init; }

    public static TestResponse Redirect(string location, int status = 302) => new(status, [], false, ("Location", location));
}
