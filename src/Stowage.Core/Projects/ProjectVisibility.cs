using System.Diagnostics.CodeAnalysis;

namespace Stowage.Core.Projects;

/// <summary>
/// Which projects an account sees, whatever door it asks through (the Sessions API's GET /projects/{name} and its
/// files, the S3 endpoint's projects bucket): its own, unless being deleted. From the moment DELETE /projects/{name}
/// marks a project it is gone everywhere (docs/protocols/sessions.md, "Deleting a project").
/// </summary>
public static class ProjectVisibility
{
    public static bool IsVisibleTo([NotNullWhen(true)] ProjectRecord? project, string accountId) =>
        project is not null && project.AccountId == accountId && project.State != ProjectState.Deleting;
}
