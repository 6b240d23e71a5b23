namespace Stowage.Bench.Swarm;

/// <summary>A completed upload: its number (which window of the source it holds), its name and where it lives.</summary>
internal sealed record SwarmUpload(long Number, string Name, string Locator);
