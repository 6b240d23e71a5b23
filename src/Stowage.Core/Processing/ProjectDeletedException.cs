namespace Stowage.Core.Processing;

/// <summary>
/// The project was deleted (or its deletion began) while its job ran: the job recorded nothing more in it, removed
/// what it had just written, and ends (docs/protocols/sessions.md, "Deleting a project"). Not a failure: the job is done.
/// </summary>
internal sealed class ProjectDeletedException(string project)
    : Exception($"Project {project} was deleted while it was being processed.");
