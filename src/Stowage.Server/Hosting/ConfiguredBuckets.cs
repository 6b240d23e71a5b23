using Microsoft.Extensions.Options;
using Stowage.Core.Accounts;
using Stowage.Core.S3;

namespace Stowage.Server.Hosting;

/// <summary>
/// Creates the buckets named in <c>Stowage:S3:Buckets</c> (bucket name → account name) at start-up, with their
/// accounts when missing, so a deployment can be described by configuration alone. Existing buckets of the
/// same account are left as they are; a configured bucket that another account owns stops the start.
/// </summary>
internal static class ConfiguredBuckets
{
    public static async Task EnsureAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var configured = services.GetRequiredService<IOptions<S3Options>>().Value.Buckets;
        var accounts = services.GetRequiredService<AccountService>();
        var buckets = services.GetRequiredService<S3BucketService>();
        foreach (var (bucket, accountName) in configured)
        {
            var account = await accounts.EnsureAsync(accountName, cancellationToken).ConfigureAwait(false);
            var created = await buckets.CreateAsync(account.Id, bucket, cancellationToken).ConfigureAwait(false);
            if (!created.IsSuccess)
            {
                throw new OptionsValidationException(S3Options.SectionName, typeof(S3Options),
                    [$"Stowage:S3:Buckets:{bucket}: {created.Failure.Error.Code} ({created.Failure.Error.Message})"]);
            }
        }
    }
}
