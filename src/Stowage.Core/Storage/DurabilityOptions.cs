namespace Stowage.Core.Storage;

/// <summary>Bound from "Stowage:Durability".</summary>
public sealed class DurabilityOptions
{
    public const string Section = "Stowage:Durability";

    /// <summary>
    /// When true (the default), bytes are fsynced before they are reported as received and metadata
    /// commits are fsynced, so an acknowledged byte survives a power loss. Off trades that for speed.
    /// </summary>
    public bool Fsync { get; set; } = true;
}
