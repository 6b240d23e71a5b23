using Stowage.Core.Accounts;
using Stowage.Core.Jobs;
using Stowage.Core.Projects;
using Stowage.Core.S3;
using Stowage.Core.Storage;
using Stowage.Core.Uploads;

namespace Stowage.Core.Metadata;

/// <summary>
/// Everything Stowage knows about its bytes, in one transactional store (SQLite embedded, PostgreSQL
/// scaled out). One conformance suite runs against every implementation.
/// </summary>
public interface IMetadataStore : IAccountStore, IUploadStore, IProjectStore, IJobQueue, IS3Store, IBlobReclaimStore
{
    /// <summary>Creates or migrates the schema. Safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);
}
