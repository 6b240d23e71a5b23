using Microsoft.AspNetCore.Http.Features;
using Stowage.Server.Protocols.S3.Auth;
using Stowage.Server.Protocols.S3.Operations;

namespace Stowage.Server.Protocols.S3;

/// <summary>The S3 front door: its own listener(s), one dispatcher, one class per operation.</summary>
internal static class S3Api
{
    public static IServiceCollection AddS3Api(this IServiceCollection services, S3Listener listener)
    {
        services.AddSingleton(listener);
        services.AddSingleton<S3RequestAuthenticator>();
        services.AddSingleton<S3Dispatcher>();
        services.AddSingleton<ListBuckets>();
        services.AddSingleton<CreateBucket>();
        services.AddSingleton<HeadBucket>();
        services.AddSingleton<GetBucketLocation>();
        services.AddSingleton<ListObjects>();
        services.AddSingleton<PutObject>();
        services.AddSingleton<GetObject>();
        services.AddSingleton<DeleteObject>();
        services.AddSingleton<CreateMultipartUpload>();
        services.AddSingleton<UploadPart>();
        services.AddSingleton<CompleteMultipartUpload>();
        services.AddSingleton<AbortMultipartUpload>();
        services.AddSingleton<ListParts>();
        services.AddSingleton<ListMultipartUploads>();
        return services;
    }

    /// <summary>Everything arriving on an S3 port goes to the dispatcher; nothing else sees it.</summary>
    public static IApplicationBuilder UseS3Api(this IApplicationBuilder app, S3Listener listener) =>
        app.MapWhen(listener.Owns, s3 => s3.Run(context =>
        {
            // Each operation bounds what it reads (the core's object size limit, the Complete body cap);
            // Kestrel's server-wide default (1 MiB, for the JSON APIs) must not cut an upload first.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = null;
            }

            return context.RequestServices.GetRequiredService<S3Dispatcher>().HandleAsync(context);
        }));
}
