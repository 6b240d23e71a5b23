using Stowage.Core.Projects;

namespace Stowage.Core.Processing;

/// <summary>
/// Turns work done into the project's 1..99 status and stores it when it changes, at most every
/// <see cref="MinInterval"/>, so polling clients see real progress without a write per buffer.
/// </summary>
internal sealed class ProgressReporter(IProjectStore projects, TimeProvider time, ProjectRecord project)
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(250);

    private long _lastStored;

    public ProjectRecord Project { get; private set; } = project;

    /// <summary>Stores <paramref name="fraction"/> (0..1 of all the work) if due.</summary>
    public async Task ReportAsync(double fraction, bool force, CancellationToken cancellationToken)
    {
        var status = ProjectStatus.Processing(fraction);
        var now = time.GetTimestamp();
        if (status == Project.Status || (!force && time.GetElapsedTime(_lastStored, now) < MinInterval))
        {
            return;
        }

        _lastStored = now;
        Project = Project with { State = ProjectState.Processing, Status = Math.Max(status, Project.Status), Updated = time.GetUtcNow() };
        await projects.UpdateProjectAsync(Project, cancellationToken).ConfigureAwait(false);
    }
}
