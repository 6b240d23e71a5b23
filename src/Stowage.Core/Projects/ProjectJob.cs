using System.Text.Json;
using Stowage.Core.Common;
using Stowage.Core.Jobs;

namespace Stowage.Core.Projects;

/// <summary>The job that turns a created project into a ready one; its payload names the project.</summary>
public static class ProjectJob
{
    public const string Kind = "project.process";

    /// <summary>A queued job for the project; <paramref name="accountId"/> puts it under that account's cap on running jobs.</summary>
    public static JobRecord Create(string projectName, DateTimeOffset now, string? accountId = null) =>
        new("job_" + RandomIds.Base62(16), Kind, JsonSerializer.Serialize(new Payload(projectName)), JobState.Queued, 0, now, now, now, null, null, null, accountId);

    public static string ProjectOf(JobRecord job) =>
        JsonSerializer.Deserialize<Payload>(job.Payload)?.Project ?? throw new InvalidDataException($"Job {job.Id} has no project.");

    private sealed record Payload(string Project);
}
