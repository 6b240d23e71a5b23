namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>A key made with <c>stowage keys create</c>: its id (for revoking) and its secret (the bearer token).</summary>
public sealed record ApiKey(string Id, string Secret, string Account);
