using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Stowage.Core.Capacity;
using Stowage.Core.Metadata;
using Stowage.Core.Storage;
using Stowage.Server.Processing;
using Stowage.Server.Protocols.S3;
using Stowage.Server.Protocols.Sessions;
using Stowage.Server.Protocols.Sessions.Wire;

namespace Stowage.Server.Hosting;

/// <summary>Builds and runs the server: <c>stowage serve</c>.</summary>
public static class StowageServer
{
    /// <summary>Body cap for endpoints that do not set their own (JSON requests); uploads lift it per request.</summary>
    private const long DefaultMaxRequestBodyBytes = 1 << 20;

    /// <summary>Runs until stopped (Ctrl+C, SIGTERM or <paramref name="cancellationToken"/>).</summary>
    public static async Task RunAsync(ServeSettings settings, string[] configurationArgs, TextWriter output, CancellationToken cancellationToken)
    {
        var dataDirectory = DataDirectory.Resolve(settings.DataDirectory);
        using var directoryLock = DataDirectory.Lock(dataDirectory);
        await using var app = Build(dataDirectory, settings, configurationArgs);

        // The backends' optional abilities are checked now, before anything listens.
        app.Services.GetRequiredService<IBlobComposer>();

        // On a full disk the reserve goes before the database opens (docs/operations.md, "A full disk").
        var capacity = app.Services.GetRequiredService<StorageCapacity>();
        capacity.Open();
        var store = app.Services.GetRequiredService<IMetadataStore>();
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await ProjectsBucketCheck.EnsureFreeAsync(app.Services, cancellationToken).ConfigureAwait(false);
        await ConfiguredBuckets.EnsureAsync(app.Services, cancellationToken).ConfigureAwait(false);

        // Jobs a crashed run was holding are claimed again when their leases lapse (Stowage:Jobs:LeaseSeconds), as
        // they would be by another instance of a scaled-out deployment: nothing assumes this is the only process.
        capacity.Start();

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        PrintBanner(app, dataDirectory, output);
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
    }

    private static WebApplication Build(string dataDirectory, ServeSettings settings, string[] configurationArgs)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = configurationArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection([new(StowageServices.DataDirectoryKey, dataDirectory)]);
        var s3 = S3Listener.Parse(settings.S3Urls ?? builder.Configuration[ServeSettings.S3UrlsKey] ?? ServeSettings.DefaultS3Urls, settings.Urls);
        builder.WebHost.UseUrls(string.Join(';', [settings.Urls, .. s3.Urls]));

        // The slim builder does not bind the "Kestrel" section; operators tune limits there (e.g.
        // Kestrel:Limits:MinRequestBodyDataRate for very slow field links), so bind it. Our own
        // default body cap below applies unless the section sets one.
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(builder.Configuration.GetSection("Kestrel"));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (builder.Configuration["Kestrel:Limits:MaxRequestBodySize"] is null)
            {
                kestrel.Limits.MaxRequestBodySize = DefaultMaxRequestBodyBytes;
            }
        });

        builder.Services.AddSingleton<Microsoft.AspNetCore.Connections.IMemoryPoolFactory<byte>, LargeBlockMemoryPoolFactory>();
        builder.Services.AddStowageCore(builder.Configuration);
        builder.Services.AddSessionsApi();
        builder.Services.AddS3Api(s3);
        builder.Services.AddHostedService<JobWorkerService>();
        builder.Services.AddHostedService<SessionSweeperService>();
        builder.Services.AddHostedService<MultipartSweeperService>();
        builder.Services.AddHostedService<BlobReclaimService>();

        var app = builder.Build();
        app.UseS3Api(s3);
        app.UseMiddleware<SessionsExceptionHandler>();
        app.MapGet("/healthz", (HttpContext c) => SessionsResponses.WriteAsync(c, StatusCodes.Status200OK, new HealthWire("ok"), SessionsJsonContext.Default.HealthWire));
        app.MapSessionsApi();
        return app;
    }

    private static void PrintBanner(WebApplication app, string dataDirectory, TextWriter output)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var s3 = app.Services.GetRequiredService<S3Listener>();
        output.WriteLine("Stowage is running.");
        foreach (var address in addresses.Where(a => !s3.Urls.Any(u => SamePort(a, u))))
        {
            output.WriteLine($"  Sessions API  {address.TrimEnd('/')}/api/v1");
            output.WriteLine($"  Health        {address.TrimEnd('/')}/healthz");
        }

        foreach (var url in s3.Urls)
        {
            output.WriteLine($"  S3 endpoint   {url.TrimEnd('/')}");
        }

        output.WriteLine($"  Data          {dataDirectory}");
        output.WriteLine($"Create an API key:  ./stowage keys create --data {dataDirectory} --name me --json");
        output.WriteLine($"S3 credentials:     ./stowage s3 credentials create --data {dataDirectory} --json");
        output.WriteLine("Stop with Ctrl+C.");
        output.Flush();
    }

    private static bool SamePort(string address, string url) =>
        Uri.TryCreate(address, UriKind.Absolute, out var a) && Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var b) && a.Port == b.Port;
}
