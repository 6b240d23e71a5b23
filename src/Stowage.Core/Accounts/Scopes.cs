namespace Stowage.Core.Accounts;

/// <summary>Key scopes of the Sessions API (seed 004, "Auth").</summary>
public static class Scopes
{
    /// <summary>Uploads and project creation.</summary>
    public const string ProjectsWrite = "projects:write";

    /// <summary>Polling uploads and projects.</summary>
    public const string ProjectsRead = "projects:read";

    /// <summary>Every scope a key may carry; the CLI rejects others.</summary>
    public static readonly IReadOnlyList<string> All = [ProjectsWrite, ProjectsRead];

    /// <summary>The seed's "default key has both".</summary>
    public static readonly IReadOnlyList<string> Default = [ProjectsWrite, ProjectsRead];
}
