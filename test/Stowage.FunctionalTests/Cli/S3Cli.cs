using System.Text.Json;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Cli;

/// <summary>
/// Runs <c>stowage s3 …</c> as an operator's script would, on one data directory. The binary is
/// <see cref="RepoPaths.CliDll"/>, or the stowage.dll named by STOWAGE_CLI_DLL (a build elsewhere, e.g. with --artifacts-path).
/// </summary>
internal sealed class S3Cli(string dataDirectory)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static string CliDll => Environment.GetEnvironmentVariable("STOWAGE_CLI_DLL") is { Length: > 0 } dll ? dll : RepoPaths.CliDll;

    /// <summary>Runs <c>stowage s3 ARGS --data DIR</c>; the caller checks the exit code.</summary>
    public Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        ProcessRunner.RunAsync("dotnet", [CliDll, "s3", .. arguments, "--data", dataDirectory], Timeout, environment);

    /// <summary>Runs a command that must succeed and print one JSON document.</summary>
    public async Task<JsonElement> JsonAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = await RunAsync([.. arguments, "--json"], environment);
        result.ExitCode.ShouldBe(0, result.ToString());
        using var document = JsonDocument.Parse(result.StandardOutput);
        return document.RootElement.Clone();
    }
}
