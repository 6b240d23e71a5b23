using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stowage.Core.Accounts;
using Stowage.Core.Jobs;
using Stowage.Core.Projects;
using Stowage.Core.Storage;
using Stowage.Core.Uploads;

namespace Stowage.Core.Processing;

/// <summary>
/// The project job (issue "Processing"): fetch a download link, verify each file's size and compute its
/// SHA-256, unpack a single archive, then mark the project ready. A session's files become the project's
/// by their records alone (the project file names the session file's blob): nothing is moved or copied. Every step is idempotent, so a job cut off by a crash resumes by
/// running again.
/// </summary>
public sealed partial class ProjectProcessor(
    IProjectStore projects,
    IUploadStore uploads,
    IAccountStore accounts,
    IBlobStore blobs,
    IRemoteFetcher fetcher,
    IEnumerable<IArchiveFormat> formats,
    IOptions<UploadOptions> uploadOptions,
    IOptions<ProcessingOptions> processingOptions,
    IOptions<DurabilityOptions> durabilityOptions,
    TimeProvider time,
    ILogger<ProjectProcessor> logger) : IJobHandler
{
    private const int BufferSize = 1 << 20;

    private readonly bool _durable = durabilityOptions.Value.Fsync;
    private readonly AccountPolicy _policy = new(uploadOptions);

    public string Kind => ProjectJob.Kind;

    public async Task<JobOutcome> RunAsync(JobRecord job, CancellationToken cancellationToken)
    {
        var project = await projects.GetProjectAsync(ProjectJob.ProjectOf(job), cancellationToken).ConfigureAwait(false);
        if (project is null || project.State is ProjectState.Ready or ProjectState.Failed or ProjectState.Deleting)
        {
            return JobOutcome.Done;
        }

        try
        {
            var progress = new ProgressReporter(projects, time, project);
            await progress.ReportAsync(0, force: true, cancellationToken).ConfigureAwait(false);
            if (project.DownloadLink is not null)
            {
                await DownloadAsync(project, cancellationToken).ConfigureAwait(false);
            }

            var files = await UploadedFilesAsync(project.Name, cancellationToken).ConfigureAwait(false);
            if (files.Count == 0)
            {
                throw new ProcessingException("no_files", "The project has no files.");
            }

            var format = files.Count == 1 ? FormatOf(files[0].Path) : null;
            var work = new WorkTracker(progress, files.Sum(f => f.Sha256 is null ? f.Size : 0), unpacking: format is not null);
            files = await HashAsync(files, work, cancellationToken).ConfigureAwait(false);
            if (format is not null)
            {
                await UnpackAsync(project, files[0], format, work, cancellationToken).ConfigureAwait(false);
            }

            await MarkReadyAsync(progress.Project, cancellationToken).ConfigureAwait(false);
            return JobOutcome.Done;
        }
        catch (ProcessingException error)
        {
            return JobOutcome.GiveUp(error.ToJson());
        }
        catch (ProjectDeletedException)
        {
            Log.ProjectDeletedWhileProcessing(logger, project.Name);
            return JobOutcome.Done;
        }
    }

    public async Task OnGaveUpAsync(JobRecord job, string error, CancellationToken cancellationToken)
    {
        var project = await projects.GetProjectAsync(ProjectJob.ProjectOf(job), cancellationToken).ConfigureAwait(false);
        if (project is null || project.State == ProjectState.Ready)
        {
            return;
        }

        var (code, message, file) = ProcessingException.Parse(error);
        Log.ProjectFailed(logger, project.Name, $"{code}: {message}");
        await projects.UpdateProjectAsync(project with
        {
            State = ProjectState.Failed,
            Status = ProjectStatus.Failed,
            Updated = time.GetUtcNow(),
            Errors = [new ProjectError(code, message, file)],
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records a file the job wrote, unless the project is being deleted: then the deletion may have listed the
    /// project's files already, so the bytes at <paramref name="written"/> (null when the job wrote none) are
    /// removed here, and the job stops.
    /// </summary>
    private async Task RecordAsync(ProjectFileRecord file, ObjectRef? written, CancellationToken cancellationToken)
    {
        if (await projects.UpsertProjectFileAsync(file, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (written is { } bytes)
        {
            await blobs.DeleteAsync(bytes, CancellationToken.None).ConfigureAwait(false);
        }

        throw new ProjectDeletedException(file.ProjectName);
    }

    private async Task<List<ProjectFileRecord>> UploadedFilesAsync(string projectName, CancellationToken cancellationToken) =>
        (await projects.ListProjectFilesAsync(projectName, cancellationToken).ConfigureAwait(false))
            .Where(f => f.Kind == ProjectFileKind.Uploaded)
            .ToList();

    private IArchiveFormat? FormatOf(string path)
    {
        var extension = FilenamePolicy.ExtensionOf(path);
        return formats.FirstOrDefault(f => f.Extensions.Contains(extension, StringComparer.Ordinal));
    }

    private async Task MarkReadyAsync(ProjectRecord project, CancellationToken cancellationToken)
    {
        var all = await projects.ListProjectFilesAsync(project.Name, cancellationToken).ConfigureAwait(false);
        var size = all.Sum(f => f.Size);
        await projects.UpdateProjectAsync(project with
        {
            State = ProjectState.Ready,
            Status = ProjectStatus.Ready,
            SizeBytes = size,
            Updated = time.GetUtcNow(),
            Errors = [],
        }, cancellationToken).ConfigureAwait(false);
        Log.ProjectReady(logger, project.Name, all.Count, size);
    }
}
