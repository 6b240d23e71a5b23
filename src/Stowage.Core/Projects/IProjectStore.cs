using Stowage.Core.Jobs;

namespace Stowage.Core.Projects;

/// <summary>Projects and their files in the metadata store.</summary>
public interface IProjectStore
{
    /// <summary>
    /// Atomically, in one transaction: when <paramref name="consumeSessionId"/> is set, checks that the
    /// session exists, unconsumed and unexpired at the project's creation time (else SessionGone, or
    /// SessionConsumed with the project it became)
    /// and marks it consumed by this project; checks the name is free (else NameTaken); inserts the
    /// project, its <paramref name="files"/>, and the <paramref name="job"/> that will process it. So a
    /// project never exists without the job that moves it to 100. When <paramref name="maxProjects"/> is
    /// set and the project's account already has that many projects, nothing changes (LimitReached):
    /// concurrent creations cannot together pass an account's limit.
    /// </summary>
    Task<ProjectCreation> CreateProjectAsync(ProjectRecord project, IReadOnlyList<ProjectFileRecord> files, string? consumeSessionId, JobRecord job, int? maxProjects, CancellationToken cancellationToken);

    Task<ProjectRecord?> GetProjectAsync(string name, CancellationToken cancellationToken);

    /// <summary>The account's projects, newest first, leaving out those being deleted.</summary>
    Task<IReadOnlyList<ProjectRecord>> ListProjectsAsync(string accountId, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>How many projects the account has, leaving out those being deleted.</summary>
    Task<int> CountProjectsAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces state, status, size, updated and errors of an existing project, unless it is being deleted
    /// (<see cref="ProjectState.Deleting"/> is final: a job still running cannot bring the project back).
    /// </summary>
    Task UpdateProjectAsync(ProjectRecord project, CancellationToken cancellationToken);

    /// <summary>Deletes the project and its file records; false when there was none.</summary>
    Task<bool> DeleteProjectAsync(string name, CancellationToken cancellationToken);

    /// <summary>The project's files ordered by path.</summary>
    Task<IReadOnlyList<ProjectFileRecord>> ListProjectFilesAsync(string projectName, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> of the project's files whose paths start with <paramref name="pathPrefix"/> and
    /// sort after <paramref name="afterPath"/> (exclusive; null for the first page), ordered by path as S3 orders keys,
    /// by their UTF-8 bytes: a page of the projects bucket (<see cref="S3.S3ProjectsBucket"/>), and the one file of a
    /// path (the first with that path as its prefix) without reading the others.
    /// </summary>
    Task<IReadOnlyList<ProjectFileRecord>> ListProjectFilesAsync(string projectName, string pathPrefix, string? afterPath, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the file, or replaces the one with the same project and path; false, writing nothing, when the
    /// project is gone or being deleted (<see cref="ProjectState.Deleting"/>). Checked in the same write, so a
    /// file is either recorded before the deletion lists the project's files, or not at all.
    /// </summary>
    Task<bool> UpsertProjectFileAsync(ProjectFileRecord file, CancellationToken cancellationToken);

    /// <summary>Deletes the project's files of one kind (before unpacking again on a retry).</summary>
    Task DeleteProjectFilesAsync(string projectName, ProjectFileKind kind, CancellationToken cancellationToken);
}
