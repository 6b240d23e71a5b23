namespace Stowage.Bench.Data;

/// <summary>A file on disk the clients upload; Name is the name it is stored under.</summary>
internal sealed record TestFile(string Path, string Name, long Length);
