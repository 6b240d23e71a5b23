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

    /// <summary>The account already has as many projects as its limit allows.</summary>
    LimitReached,
}

public sealed record ProjectCreation(ProjectCreationOutcome Outcome, string? ExistingProjectName);
