namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>The Sessions API's key scopes (docs/protocols/sessions.md, "Endpoints").</summary>
public static class Scope
{
    public const string Write = "projects:write";
    public const string Read = "projects:read";
}
