namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>What HeadObject says about an object: its ETag without quotes and its length.</summary>
public sealed record StoredObject(string ETag, long Length);
