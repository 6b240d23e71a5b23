using Microsoft.Extensions.Options;
using Stowage.Core.Accounts;
using Stowage.Core.Capacity;
using Stowage.Core.Jobs;
using Stowage.Core.Locks;
using Stowage.Core.Metadata;
using Stowage.Core.Processing;
using Stowage.Core.Projects;
using Stowage.Core.RateLimiting;
using Stowage.Core.S3;
using Stowage.Core.S3.Signing;
using Stowage.Core.Storage;
using Stowage.Core.Uploads;
using Stowage.Metadata.Sqlite;
using Stowage.Processing.Archives;
using Stowage.Processing.RemoteFetch;
using Stowage.Storage.FileSystem;

namespace Stowage.Server.Hosting;

/// <summary>
/// The composition root: the only place that chooses backends and binds options. The embedded
/// default is SQLite metadata and file-system blobs under one data directory.
/// </summary>
public static class StowageServices
{
    public const string DataDirectoryKey = "Stowage:DataDirectory";
    public const string DatabaseFileName = "stowage.db";
    public const string BlobsFolderName = "blobs";

    /// <summary>Everything but the HTTP front doors and background workers: what the CLI needs too.</summary>
    public static IServiceCollection AddStowageCore(this IServiceCollection services, IConfiguration configuration)
    {
        var dataDirectory = DataDirectory.Resolve(configuration[DataDirectoryKey]);
        services.AddSingleton(TimeProvider.System);
        services.AddValidatedOptions<UploadOptions>(configuration, UploadOptions.Section, o => o.Validate());
        services.AddValidatedOptions<DurabilityOptions>(configuration, DurabilityOptions.Section, _ => []);
        services.AddValidatedOptions<JobOptions>(configuration, JobOptions.Section, o => o.Validate());
        services.AddValidatedOptions<ProcessingOptions>(configuration, ProcessingOptions.Section, o => o.Validate());
        services.AddValidatedOptions<RemoteFetchOptions>(configuration, RemoteFetchOptions.Section, o => o.Validate());
        services.AddValidatedOptions<S3Options>(configuration, S3Options.SectionName, S3OptionsValidation.Validate);
        services.AddValidatedOptions<RateLimitOptions>(configuration, RateLimitOptions.Section, o => o.Validate());
        services.AddValidatedOptions<StorageCapacityOptions>(configuration, StorageCapacityOptions.Section, o => o.Validate());

        services.AddSingleton<IMetadataStore>(sp => new SqliteMetadataStore(new SqliteMetadataOptions
        {
            DatabasePath = Path.Combine(dataDirectory, DatabaseFileName),
            Durable = sp.GetRequiredService<IOptions<DurabilityOptions>>().Value.Fsync,
            InternalBucket = sp.GetRequiredService<IOptions<UploadOptions>>().Value.Bucket,
        }));
        services.AddSingleton<IAccountStore>(sp => sp.GetRequiredService<IMetadataStore>());
        services.AddSingleton<IUploadStore>(sp => sp.GetRequiredService<IMetadataStore>());
        services.AddSingleton<IProjectStore>(sp => sp.GetRequiredService<IMetadataStore>());
        services.AddSingleton<IJobQueue>(sp => sp.GetRequiredService<IMetadataStore>());
        services.AddSingleton<IS3Store>(sp => sp.GetRequiredService<IMetadataStore>());
        services.AddSingleton<IBlobReclaimStore>(sp => sp.GetRequiredService<IMetadataStore>());
        services.AddSingleton<IBlobStore>(sp => new FileSystemBlobStore(new FileSystemBlobStoreOptions
        {
            RootPath = Path.Combine(dataDirectory, BlobsFolderName),
            EarlyWriteBack = sp.GetRequiredService<IOptions<DurabilityOptions>>().Value.Fsync,
        }));
        // Optional abilities of the blob store are wired here, once: a store without one fails at start-up
        // (StowageServer resolves them before listening), not on the first request that needs it.
        services.AddSingleton<IBlobComposer>(sp => sp.GetRequiredService<IBlobStore>() as IBlobComposer
            ?? throw new InvalidOperationException($"The blob store ({sp.GetRequiredService<IBlobStore>().GetType().Name}) cannot compose multipart uploads (IBlobComposer), which the S3 endpoint needs."));
        // A full disk (docs/operations.md): each store's "no space" is recognised, and the reserve sits beside the database.
        services.AddSingleton<IStorageFullDetector, SqliteStorageFullDetector>();
        services.AddSingleton<IStorageReserve>(sp => new ReserveFile(dataDirectory, sp.GetRequiredService<IOptions<StorageCapacityOptions>>().Value.ReserveBytes));
        services.AddSingleton<StorageCapacity>();
        services.AddSingleton<UnexpectedFailures>();
        services.AddSingleton<ILockProvider, InProcessLockProvider>();
        services.AddSingleton<IRateLimiter, InMemoryRateLimiter>();
        services.AddSingleton<RateLimitPolicy>();

        services.AddSingleton<IArchiveFormat>(sp => new ZipArchiveFormat(sp.GetRequiredService<IOptions<ProcessingOptions>>().Value.MaxArchiveEntries));
        services.AddSingleton<IArchiveFormat, LibArchiveFormat>();
        services.AddSingleton<IRemoteFetcher>(sp => new HttpRemoteFetcher(sp.GetRequiredService<IOptions<RemoteFetchOptions>>().Value, sp.GetRequiredService<TimeProvider>()));

        services.AddSingleton<AccountPolicy>();
        services.AddSingleton<BlobAllocator>();
        services.AddSingleton<BlobReclaimer>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<UploadSessionService>();
        services.AddSingleton<ProjectService>();
        services.AddSingleton<ProjectFileService>();
        services.AddSingleton<ExpiredSessionSweeper>();
        services.AddSingleton<IJobHandler, ProjectProcessor>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<S3ProjectsBucket>();
        services.AddSingleton<S3CredentialService>();
        services.AddSingleton<IS3CredentialResolver>(sp => sp.GetRequiredService<S3CredentialService>());
        services.AddSingleton<S3BucketService>();
        services.AddSingleton<S3ObjectService>();
        services.AddSingleton<S3MultipartService>();
        services.AddSingleton<AbandonedMultipartSweeper>();
        services.AddSingleton<S3Presigner>();
        return services;
    }

    private static void AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section, Func<T, IEnumerable<string>> validate)
        where T : class
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new ListedValidation<T>(section, validate));
    }

    /// <summary>Reports every problem of a section at start-up, in words an operator can act on.</summary>
    private sealed class ListedValidation<T>(string section, Func<T, IEnumerable<string>> validate) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var problems = validate(options).Select(p => $"{section}: {p}").ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
