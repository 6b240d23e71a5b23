namespace Stowage.Core.Projects;

/// <summary>Wire values of a project's <c>status</c> (seed 004, GET /projects/{name}).</summary>
public static class ProjectStatus
{
    public const int Queued = 0;
    public const int Ready = 100;

    /// <summary>Stowage's addition: processing gave up; the record's errors say why.</summary>
    public const int Failed = -1;

    /// <summary>Maps work done (0..1) onto 1..99, so a running project never reads as queued or ready.</summary>
    public static int Processing(double fraction) => Math.Clamp(1 + (int)(fraction * 98), 1, 99);
}
