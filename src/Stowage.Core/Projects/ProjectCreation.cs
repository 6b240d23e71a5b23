namespace Stowage.Core.Projects;

public enum ProjectCreationOutcome
{
    Created,

    /// <summary>The name is taken; pick another and retry.</summary>
    NameTaken,

    /// <summary>The session already became a project; <see cref="ProjectCreation.ExistingProjectName"/> names it.</summary>
    SessionConsumed,

    /// <summary>The session does not exist.</summary>
    SessionGone,
}

public sealed record ProjectCreation(ProjectCreationOutcome Outcome, string? ExistingProjectName);
