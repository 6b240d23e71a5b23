using Stowage.Core.Jobs;
using Stowage.Core.Projects;

namespace Stowage.Core.Tests.Support;

/// <summary>
/// The real project store, with hooks that run just before and just after a project file is recorded: to make
/// something happen at that exact point of a job (a DELETE of the project between two unpacked entries, or between
/// an entry's bytes and its record).
/// </summary>
internal sealed class HookedProjectStore(IProjectStore inner) : IProjectStore
{
    public Func<ProjectFileRecord, Task>? BeforeUpsertFile { get; set; }

    public Func<ProjectFileRecord, Task>? AfterUpsertFile { get; set; }

    public async Task<bool> UpsertProjectFileAsync(ProjectFileRecord file, CancellationToken cancellationToken)
    {
        if (BeforeUpsertFile is { } before)
        {
            await before(file);
        }

        var recorded = await inner.UpsertProjectFileAsync(file, cancellationToken);
        if (AfterUpsertFile is { } after)
        {
            await after(file);
        }

        return recorded;
    }

    public Task<ProjectCreation> CreateProjectAsync(ProjectRecord project, IReadOnlyList<ProjectFileRecord> files, string? consumeSessionId, JobRecord job, int? maxProjects, CancellationToken cancellationToken) =>
        inner.CreateProjectAsync(project, files, consumeSessionId, job, maxProjects, cancellationToken);

    public Task<ProjectRecord?> GetProjectAsync(string name, CancellationToken cancellationToken) => inner.GetProjectAsync(name, cancellationToken);

    public Task<IReadOnlyList<ProjectRecord>> ListProjectsAsync(string accountId, int offset, int limit, CancellationToken cancellationToken) =>
        inner.ListProjectsAsync(accountId, offset, limit, cancellationToken);

    public Task<int> CountProjectsAsync(string accountId, CancellationToken cancellationToken) => inner.CountProjectsAsync(accountId, cancellationToken);

    public Task UpdateProjectAsync(ProjectRecord project, CancellationToken cancellationToken) => inner.UpdateProjectAsync(project, cancellationToken);

    public Task<bool> DeleteProjectAsync(string name, CancellationToken cancellationToken) => inner.DeleteProjectAsync(name, cancellationToken);

    public Task<IReadOnlyList<ProjectFileRecord>> ListProjectFilesAsync(string projectName, CancellationToken cancellationToken) =>
        inner.ListProjectFilesAsync(projectName, cancellationToken);

    public Task<IReadOnlyList<ProjectFileRecord>> ListProjectFilesAsync(string projectName, string pathPrefix, string? afterPath, int limit, CancellationToken cancellationToken) =>
        inner.ListProjectFilesAsync(projectName, pathPrefix, afterPath, limit, cancellationToken);

    public Task DeleteProjectFilesAsync(string projectName, ProjectFileKind kind, CancellationToken cancellationToken) =>
        inner.DeleteProjectFilesAsync(projectName, kind, cancellationToken);
}
