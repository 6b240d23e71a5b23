using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stowage.Core.Accounts;
using Stowage.Core.Errors;
using Stowage.Core.Jobs;
using Stowage.Core.Processing;
using Stowage.Core.Uploads;

namespace Stowage.Core.Projects;

/// <summary>POST /projects, GET /projects/{name} and GET /projects (seed 004).</summary>
public sealed partial class ProjectService(
    IProjectStore projects,
    IUploadStore uploads,
    IRemoteFetcher fetcher,
    IOptions<UploadOptions> uploadOptions,
    IOptions<ProcessingOptions> processingOptions,
    TimeProvider time,
    ILogger<ProjectService> logger)
{
    private readonly AccountPolicy _policy = new(uploadOptions);

    /// <summary>How many times creation picks a fresh name after a collision before it gives up.</summary>
    private const int NameAttempts = 5;

    public const string ProcessingStarted = "processing_started";

    /// <summary>Raised after a project and its job were stored, so in-process workers can start at once.</summary>
    public event Action? JobEnqueued;

    public async Task<Result<ProjectCreated>> CreateAsync(Principal caller, CreateProjectRequest request, CancellationToken cancellationToken)
    {
        var checkedFields = await CheckCreateAsync(caller, request, cancellationToken).ConfigureAwait(false);
        if (!checkedFields.IsSuccess)
        {
            return checkedFields.Failure;
        }

        return request.UploadId is not null
            ? await CreateFromSessionAsync(caller, request, checkedFields.Value, cancellationToken).ConfigureAwait(false)
            : await CreateFromLinkAsync(caller, request, checkedFields.Value, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<ProjectView>> GetAsync(Principal caller, string name, CancellationToken cancellationToken)
    {
        if (AccountPolicy.RequireScope(caller, Scopes.ProjectsRead) is { } denied)
        {
            return denied;
        }

        var project = await projects.GetProjectAsync(name, cancellationToken).ConfigureAwait(false);
        if (!ProjectVisibility.IsVisibleTo(project, caller.AccountId))
        {
            return StowageErrors.ProjectNotFound;
        }

        var files = project.State == ProjectState.Ready
            ? await projects.ListProjectFilesAsync(name, cancellationToken).ConfigureAwait(false)
            : [];
        return new ProjectView(project, files);
    }

    /// <summary>GET /projects: the caller's projects, newest first, with the total count.</summary>
    public async Task<Result<(IReadOnlyList<ProjectRecord> Items, int Total)>> ListAsync(Principal caller, int offset, int limit, CancellationToken cancellationToken)
    {
        if (AccountPolicy.RequireScope(caller, Scopes.ProjectsRead) is { } denied)
        {
            return denied;
        }

        if (offset < 0 || limit is < 1 or > 1000)
        {
            return Failure.With(StowageErrors.InvalidField, "field", offset < 0 ? "offset" : "limit");
        }

        var items = await projects.ListProjectsAsync(caller.AccountId, offset, limit, cancellationToken).ConfigureAwait(false);
        var total = await projects.CountProjectsAsync(caller.AccountId, cancellationToken).ConfigureAwait(false);
        return (items, total);
    }

    private async Task<Result<ProjectCreated>> StoreAsync(ProjectRecord project, IReadOnlyList<ProjectFileRecord> files, string? sessionId, int? maxProjects, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < NameAttempts; attempt++)
        {
            var name = attempt == 0 ? project.Name : $"{project.Name}-{Common.RandomIds.Base62(6)}";
            var candidate = project with { Name = name };
            var ownFiles = files.Select(f => f with { ProjectName = name }).ToList();
            var outcome = await projects.CreateProjectAsync(candidate, ownFiles, sessionId, ProjectJob.Create(name, project.Created, project.AccountId), maxProjects, cancellationToken).ConfigureAwait(false);
            switch (outcome.Outcome)
            {
                case ProjectCreationOutcome.Created:
                    Log.ProjectCreated(logger, name, sessionId ?? project.DownloadLink ?? "?");
                    JobEnqueued?.Invoke();
                    return new ProjectCreated(name, ProjectStatus.Queued, ProcessingStarted);
                case ProjectCreationOutcome.SessionConsumed:
                    return await ReplayAsync(outcome.ExistingProjectName!, cancellationToken).ConfigureAwait(false);
                case ProjectCreationOutcome.SessionGone:
                    return StowageErrors.UploadSessionNotFound;
                case ProjectCreationOutcome.LimitReached:
                    return ProjectLimitFailure(maxProjects!.Value); // another creation took the last place since the early check
                case ProjectCreationOutcome.NameTaken:
                default:
                    continue; // seed 004: the name "may differ from upload_id on a rare collision"
            }
        }

        throw new InvalidOperationException($"No free project name after {NameAttempts} attempts.");
    }

    /// <summary>
    /// A retried POST /projects for a session that already became a project answers that project, so a
    /// client whose first answer was lost on a bad network still learns the name.
    /// </summary>
    private async Task<Result<ProjectCreated>> ReplayAsync(string name, CancellationToken cancellationToken)
    {
        // A project deleted since (DELETE /projects/{name}) is not answered as created: its session is gone too.
        var existing = await projects.GetProjectAsync(name, cancellationToken).ConfigureAwait(false);
        return existing is null || existing.State == ProjectState.Deleting
            ? StowageErrors.UploadSessionNotFound
            : new ProjectCreated(name, existing.Status, ProcessingStarted);
    }
}
