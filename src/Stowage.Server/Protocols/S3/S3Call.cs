using Stowage.Core.Accounts;
using Stowage.Core.S3;
using Stowage.Server.Protocols.S3.Auth;

namespace Stowage.Server.Protocols.S3;

/// <summary>One authenticated, authorized S3 request on its way to an operation.</summary>
/// <param name="Bucket">The addressed bucket, owned by the caller's account; null for ListBuckets and CreateBucket.</param>
internal sealed record S3Call(HttpContext Http, S3Target Target, S3AuthenticatedRequest Auth, S3Bucket? Bucket)
{
    public Principal Principal => Auth.Principal;

    public HttpRequest Request => Http.Request;

    public HttpResponse Response => Http.Response;

    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>The bucket, for operations that are only selected when one is addressed.</summary>
    public S3Bucket RequiredBucket => Bucket ?? throw new InvalidOperationException("This operation needs a bucket.");

    /// <summary>The key, for operations that are only selected when one is addressed.</summary>
    public string Key => Target.Key ?? throw new InvalidOperationException("This operation needs a key.");

    public string? Query(string name) => Http.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    public Task FailAsync(Core.Errors.Failure failure) => S3Responses.WriteErrorAsync(Http, failure, Target);

    public Task FailAsync(Core.Errors.ErrorCode error, string? message = null) => S3Responses.WriteErrorAsync(Http, error, Target, message);
}
