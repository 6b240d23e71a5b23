using Microsoft.Extensions.Options;
using Stowage.Core.S3;

namespace Stowage.Server.Hosting;

/// <summary>
/// The projects bucket (docs/protocols/s3.md, "The projects bucket") has no record and its name is reserved; a data
/// directory from before that may hold a bucket of the same name, which the projects bucket would hide from its
/// owner. The server then does not start, and says how to go on: give the projects bucket another name.
/// </summary>
internal static class ProjectsBucketCheck
{
    public static async Task EnsureFreeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var hidden = await services.GetRequiredService<S3BucketService>().FindHiddenByProjectsBucketAsync(cancellationToken).ConfigureAwait(false);
        if (hidden is not null)
        {
            throw new OptionsValidationException(S3Options.SectionName, typeof(S3Options),
            [
                $"Stowage:S3:ProjectsBucket: this data directory already has a bucket named '{hidden.Name}' (account {hidden.AccountId}), "
                + "which the read-only projects bucket of that name would hide. Give the projects bucket another name, "
                + $"e.g. --Stowage:S3:ProjectsBucket={hidden.Name}-view (docs/protocols/s3.md, \"The projects bucket\").",
            ]);
        }
    }
}
