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

    /// <summary>
    /// Asserts the run succeeded and returns the JSON object it printed: the whole of stdout (awscli
    /// prints indented JSON), else the last line that is one (the scripts print one line at the end).
    /// </summary>
    public static JsonElement ShouldSucceedWithJson(this ProcessResult result, string what)
    {
        result.ShouldSucceed(what);
        var candidates = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith('{'))
            .Reverse()
            .Prepend(result.StandardOutput.Trim());
        foreach (var candidate in candidates)
        {
            try
            {
                using var document = JsonDocument.Parse(candidate);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    return document.RootElement.Clone();
                }
            }
            catch (JsonException)
            {
                // not this one
            }
        }

        throw new ShouldAssertException($"{what} printed no JSON object:\n{result}");
    }

    public static void ShouldSucceed(this ProcessResult result, string what) =>
        result.ExitCode.ShouldBe(0, $"{what} failed:\n{result}");

    public static string String(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new ShouldAssertException($"No string '{name}' in {element}");
}
