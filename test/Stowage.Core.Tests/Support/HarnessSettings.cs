using Stowage.Core.Jobs;
using Stowage.Core.Projects;
using Stowage.Core.Storage;
using Stowage.Core.Uploads;

namespace Stowage.Core.Tests.Support;

/// <summary>The options a <see cref="CoreHarness"/> builds its services with; tests adjust them before the build.</summary>
internal sealed class HarnessSettings
{
    public UploadOptions Uploads { get; } = new();

    public ProcessingOptions Processing { get; } = new();

    public JobOptions Jobs { get; } = new();

    public DurabilityOptions Durability { get; } = new();

    /// <summary>Handlers the job runner gets besides the project processor.</summary>
    public List<IJobHandler> ExtraHandlers { get; } = [];
}
