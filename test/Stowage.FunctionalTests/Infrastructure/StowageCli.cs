using System.Text.Json;

namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>The <c>stowage</c> admin commands (keys, accounts), run as separate processes on a data directory, as an operator would.</summary>
public sealed class StowageCli(string dataDirectory)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public async Task<ApiKey> CreateKeyAsync(string account, params string[] scopes)
    {
        List<string> arguments = ["keys", "create", "--data", dataDirectory, "--name", $"ft-{Guid.NewGuid():N}"[..20], "--account", account, "--json"];
        foreach (var scope in scopes)
        {
            arguments.Add("--scope");
            arguments.Add(scope);
        }

        var result = await RunAsync(arguments);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        return new ApiKey(root.GetProperty("id").GetString()!, root.GetProperty("secret").GetString()!, root.GetProperty("account").GetString()!);
    }

    public Task RevokeKeyAsync(string keyId) => RunAsync(["keys", "revoke", keyId, "--data", dataDirectory]);

    /// <summary><c>accounts set NAME</c> with options such as <c>--quota 1000</c> or <c>--upload-allowed false</c>.</summary>
    public Task SetAccountAsync(string account, params string[] options) =>
        RunAsync(["accounts", "set", account, "--data", dataDirectory, .. options, "--json"]);

    private static async Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments)
    {
        var result = await ProcessRunner.RunAsync("dotnet", [RepoPaths.CliDll, .. arguments], Timeout);
        result.ExitCode.ShouldBe(0, $"stowage {string.Join(' ', arguments)} failed: {result}");
        return result;
    }
}
