using Stowage.Core.Accounts;
using Stowage.Core.Errors;
using Stowage.Core.Uploads;

namespace Stowage.Core.Projects;

public sealed partial class ProjectService
{
    /// <summary>The validated optional fields of a creation request.</summary>
    private sealed record Fields(string? Title, int PrivacyMode, string? CoordinateSystem);

    private async Task<Result<Fields>> CheckCreateAsync(Principal caller, CreateProjectRequest request, CancellationToken cancellationToken)
    {
        if (AccountPolicy.RequireScope(caller, Scopes.ProjectsWrite) is { } denied)
        {
            return denied;
        }

        // Seed 004: "Provide either upload_id or download_link — not both, not neither."
        var hasUpload = !string.IsNullOrEmpty(request.UploadId);
        var hasLink = !string.IsNullOrEmpty(request.DownloadLink);
        if (hasUpload && hasLink)
        {
            return StowageErrors.ProvideEitherUploadIdOrDownloadLink;
        }

        if (!hasUpload && !hasLink)
        {
            return StowageErrors.UploadIdOrDownloadLinkRequired;
        }

        if (hasUpload && !UploadIds.IsWellFormed(request.UploadId))
        {
            return StowageErrors.InvalidUploadId;
        }

        var title = request.Title?.Trim();
        if (title is not null && (title.Length > processingOptions.Value.MaxTitleLength || title.Any(char.IsControl)))
        {
            return Failure.With(StowageErrors.InvalidField, "field", "title");
        }

        // reference/vendor-apis.md: privacy_mode is 0..2.
        if (request.PrivacyMode is < 0 or > 2)
        {
            return Failure.With(StowageErrors.InvalidField, "field", "privacy_mode");
        }

        var crs = request.CoordinateSystem?.Trim();
        if (crs is not null && (crs.Length is 0 or > 64 || crs.Any(char.IsControl)))
        {
            return Failure.With(StowageErrors.InvalidField, "field", "coordinate_system");
        }

        if (AccountPolicy.RequireUpload(caller) is { } mayNot)
        {
            return mayNot;
        }

        return new Fields(string.IsNullOrEmpty(title) ? null : title, request.PrivacyMode ?? 0, crs);
    }

    private async Task<Result<ProjectCreated>> CreateFromSessionAsync(Principal caller, CreateProjectRequest request, Fields fields, CancellationToken cancellationToken)
    {
        var uploadId = request.UploadId!;
        var session = await uploads.GetSessionAsync(uploadId, cancellationToken).ConfigureAwait(false);
        if (session is null || session.AccountId != caller.AccountId || (session.ProjectName is null && session.ExpiresAt <= time.GetUtcNow()))
        {
            return StowageErrors.UploadSessionNotFound;
        }

        if (session.ProjectName is not null)
        {
            return await ReplayAsync(session.ProjectName, cancellationToken).ConfigureAwait(false);
        }

        if (await CheckProjectLimitAsync(caller, cancellationToken).ConfigureAwait(false) is { } limited)
        {
            return limited;
        }

        var files = await uploads.ListFilesAsync(uploadId, cancellationToken).ConfigureAwait(false);
        var incomplete = files.Where(f => !f.Complete).Select(f => f.Name).ToList();
        if (files.Count == 0 || incomplete.Count > 0)
        {
            // Seed 004: "All files in the session must be complete first, otherwise creation fails."
            return Failure.With(StowageErrors.ProjectCreationFailed, "incomplete_files", incomplete);
        }

        var now = time.GetUtcNow();
        var project = NewProject(uploadId, caller, fields, fields.Title ?? DefaultTitle(files), uploadId, null, files.Sum(f => f.Total), now);
        var projectFiles = files.Select(f => new ProjectFileRecord(uploadId, f.Name, ProjectFileKind.Uploaded, f.Total, null, f.Object, null)).ToList();
        return await StoreAsync(project, projectFiles, uploadId, caller.Account.MaxProjects, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Result<ProjectCreated>> CreateFromLinkAsync(Principal caller, CreateProjectRequest request, Fields fields, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(request.DownloadLink, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return StowageErrors.InvalidDownloadLink;
        }

        if (await CheckProjectLimitAsync(caller, cancellationToken).ConfigureAwait(false) is { } limited)
        {
            return limited;
        }

        if (await fetcher.ValidateAsync(url, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var quota = _policy.QuotaOf(caller.Account);
        if (quota is { } q && await uploads.GetAccountUsageAsync(caller.AccountId, cancellationToken).ConfigureAwait(false) >= q)
        {
            return Failure.With(StowageErrors.StorageQuotaExceeded, "limit", q);
        }

        var now = time.GetUtcNow();
        var title = fields.Title ?? (Uri.UnescapeDataString(url.Segments[^1]).Trim('/') is { Length: > 0 } last ? last : url.Host);
        var project = NewProject(UploadIds.New(), caller, fields, title, null, url.ToString(), 0, now);
        return await StoreAsync(project, [], null, caller.Account.MaxProjects, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Checked after a replay is ruled out (a retried creation of an existing project is not a new one), so
    /// a request over the limit fails before a link is probed or files are listed. The store checks again
    /// atomically when it inserts (<see cref="IProjectStore.CreateProjectAsync"/>).
    /// </summary>
    private async Task<Failure?> CheckProjectLimitAsync(Principal caller, CancellationToken cancellationToken) =>
        caller.Account.MaxProjects is { } max && await projects.CountProjectsAsync(caller.AccountId, cancellationToken).ConfigureAwait(false) >= max
            ? ProjectLimitFailure(max)
            : null;

    private static Failure ProjectLimitFailure(int max) => Failure.With(StowageErrors.ProjectLimitReached, "limit", max);

    private static ProjectRecord NewProject(string name, Principal caller, Fields fields, string title, string? uploadId, string? link, long size, DateTimeOffset now) =>
        new(name, caller.AccountId, title, ProjectState.Queued, ProjectStatus.Queued, fields.PrivacyMode, fields.CoordinateSystem, uploadId, link, size, now, now, []);

    /// <summary>Seed 004: "title is optional (auto-generated if omitted)": named after what was uploaded.</summary>
    private static string DefaultTitle(IReadOnlyList<UploadFileRecord> files)
    {
        var first = Path.GetFileNameWithoutExtension(files[0].Name);
        return files.Count == 1 ? first : $"{first} and {files.Count - 1} more";
    }
}
