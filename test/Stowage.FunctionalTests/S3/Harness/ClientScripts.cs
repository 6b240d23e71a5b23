using System.Text.Json;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>
/// The client scripts in S3/clients, run from the source tree (the JS SDK's node_modules is installed
/// there by scripts/install-test-deps.sh) with the endpoint in S3_ENDPOINT.
/// </summary>
public static class ClientScripts
{
    /// <summary>Bounds one client run; the 100 MiB awscli runs take their own, longer limit.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);

    public static string Directory => Path.Combine(RepoPaths.Root, "test", "Stowage.FunctionalTests", "S3", "clients");

    public static string Script(string name) => Path.Combine(Directory, name);

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="credential"/> in a fresh, isolated environment.</summary>
    public static Task<ProcessResult> RunAsync(
        S3ServerFixture fixture,
        S3Credential credential,
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? variables = null,
        TimeSpan? timeout = null)
    {
        var environment = fixture.EnvironmentFor(credential).With("S3_ENDPOINT", fixture.EndpointUrl);
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            environment.With(name, value);
        }

        return ClientRun.RunAsync(fileName, arguments, environment, timeout ?? DefaultTimeout);
    }

    /// <summary>Asserts the run succeeded and returns the JSON object it printed last on stdout.</summary>
    public static JsonElement ShouldSucceedWithJson(this ProcessResult result, string what)
    {
        result.ShouldSucceed(what);
        var line = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'));
        line.ShouldNotBeNull($"{what} printed no JSON result:\n{result}");
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }

    public static void ShouldSucceed(this ProcessResult result, string what) =>
        result.ExitCode.ShouldBe(0, $"{what} failed:\n{result}");

    public static string String(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new ShouldAssertException($"No string '{name}' in {element}");
}
