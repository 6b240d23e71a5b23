namespace Stowage.Bench.Clients;

/// <summary>Where an upload landed, in the peer's own terms (a URL, a path, "session/name").</summary>
internal sealed record UploadedFile(string Locator);
