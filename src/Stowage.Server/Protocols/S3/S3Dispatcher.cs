using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Stowage.Core.Accounts;
using Stowage.Core.Capacity;
using Stowage.Core.Errors;
using Stowage.Core.S3;
using Stowage.Server.Hosting;
using Stowage.Server.Protocols.S3.Auth;

namespace Stowage.Server.Protocols.S3;

/// <summary>
/// Every request on the S3 listener: route, authenticate (SigV4 header, presigned SigV4 or SigV2),
/// authorize (the credential's scope, the account's permission to upload, bucket ownership), refuse uploads while the
/// storage is full, run the operation. Failures are S3 XML, and this is the S3 door's one exception handler
/// (<see cref="UnexpectedFailures"/> says what an unexpected exception means);
/// a body that fails verification mid-stream (bad chunk signature, wrong payload hash) surfaces as
/// <see cref="S3ContentException"/> after the core has discarded what it wrote.
/// </summary>
internal sealed class S3Dispatcher(
    IServiceProvider services,
    S3RequestAuthenticator authenticator,
    S3BucketService buckets,
    S3ProjectsBucket projectsBucket,
    StorageCapacity capacity,
    UnexpectedFailures failures,
    IOptions<S3Options> options,
    ILogger<S3Dispatcher> logger)
{
    private readonly string? _virtualHostDomain = options.Value.VirtualHostDomain;

    public async Task HandleAsync(HttpContext context)
    {
        var requestId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        context.Items[S3Responses.RequestIdItem] = requestId;
        context.Response.Headers["x-amz-request-id"] = requestId;
        context.Response.Headers["x-amz-id-2"] = requestId;
        var target = S3Target.Parse(context, _virtualHostDomain);
        try
        {
            var failure = await RunAsync(context, target).ConfigureAwait(false);
            if (failure is not null)
            {
                ServerLog.S3Refused(logger, context.Request.Method, target.Resource, failure.Error.Code);
                if (!context.Response.HasStarted)
                {
                    await S3Responses.WriteErrorAsync(context, failure, target).ConfigureAwait(false);
                }
            }
        }
        catch (S3ContentException ex) when (!context.Response.HasStarted)
        {
            ServerLog.S3Refused(logger, context.Request.Method, target.Resource, ex.Failure.Error.Code);
            await S3Responses.WriteErrorAsync(context, ex.Failure, target).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            if (failures.Classify(ex, context, target.Resource) is { } failure && !context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.Headers["x-amz-request-id"] = requestId;
                context.Response.Headers["x-amz-id-2"] = requestId;
                await S3Responses.WriteErrorAsync(context, failure, target).ConfigureAwait(false);
            }
        }
    }

    private async Task<Failure?> RunAsync(HttpContext context, S3Target target)
    {
        if (target.MalformedEncoding)
        {
            return Failure.Of(S3Errors.InvalidUri);
        }

        // The projects bucket is read-only whatever the operation: a write to it is AccessDenied, after authentication,
        // even one this server does not implement (CopyObject, DeleteObjects, DeleteBucket, ?acl), so its refusal waits.
        var route = S3Router.Select(context.Request, target);
        var refusalWaits = projectsBucket.Is(target.Bucket);
        if (route.Refusal is not null && !refusalWaits)
        {
            return RefusalOf(route);
        }

        var authenticated = await authenticator.AuthenticateAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (!authenticated.IsSuccess)
        {
            return authenticated.Failure;
        }

        var principal = authenticated.Value.Principal;
        var acl = context.Request.Headers["x-amz-acl"].ToString();
        if (acl.Length == 0 && context.Request.Query.TryGetValue("x-amz-acl", out var queryAcl))
        {
            acl = queryAcl.ToString(); // presigned URLs carry the ACL as a signed query parameter (SUMMARY: JS, SigV2)
        }

        var denied = projectsBucket.Is(target.Bucket)
            ? projectsBucket.Authorize(principal, route.Action)
            : AccountPolicy.AuthorizeS3(principal, route.Action, target.Bucket, target.Key, acl.Length == 0 ? null : acl);
        if (denied is not null)
        {
            return denied;
        }

        if (route.Refusal is not null)
        {
            return RefusalOf(route);
        }

        var upload = AccountPolicy.IsUpload(route.Action);
        if (upload && AccountPolicy.RequireUpload(principal) is { } notAllowed)
        {
            return notAllowed;
        }

        if (upload && !capacity.AcceptsWrites())
        {
            return Failure.Of(StowageErrors.InsufficientStorage);
        }

        S3Bucket? bucket = null;
        if (target.Bucket is not null && route.Action != S3Action.CreateBucket)
        {
            var found = await buckets.GetAsync(principal, target.Bucket, context.RequestAborted).ConfigureAwait(false);
            if (!found.IsSuccess)
            {
                return found.Failure;
            }

            bucket = found.Value;
        }

        var operation = (IS3Operation)services.GetRequiredService(route.Operation!);
        await operation.HandleAsync(new S3Call(context, target, authenticated.Value, bucket)).ConfigureAwait(false);
        return null;
    }

    private static Failure RefusalOf(S3Route route) =>
        route.RefusalMessage is null ? Failure.Of(route.Refusal!) : Failure.Because(route.Refusal!, route.RefusalMessage);
}
