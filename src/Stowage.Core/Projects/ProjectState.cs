namespace Stowage.Core.Projects;

public enum ProjectState
{
    /// <summary>Waiting for a worker (status 0).</summary>
    Queued,

    /// <summary>A worker is on it (status 1..99).</summary>
    Processing,

    /// <summary>Done (status 100): the full record is shown.</summary>
    Ready,

    /// <summary>Processing gave up; <see cref="ProjectRecord.Errors"/> says why (status -1).</summary>
    Failed,

    /// <summary>
    /// DELETE /projects/{name} has begun: the project is gone for every request, its bytes are being deleted,
    /// and its rows go last (a repeated DELETE finishes a removal that stopped half-way).
    /// </summary>
    Deleting,
}
