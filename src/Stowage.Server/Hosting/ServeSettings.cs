namespace Stowage.Server.Hosting;

/// <summary>What <c>stowage serve</c> was asked for; everything else comes from configuration.</summary>
public sealed record ServeSettings(string DataDirectory, string Urls)
{
    /// <summary>Loopback only: exposing the server is an explicit operator decision (--urls).</summary>
    public const string DefaultUrls = "http://127.0.0.1:8080";
}
