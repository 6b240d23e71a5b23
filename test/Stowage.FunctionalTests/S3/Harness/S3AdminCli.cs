using System.Globalization;
using System.Text.Json;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>
/// The operator's S3 commands (<c>stowage s3 buckets create</c>, <c>stowage s3 credentials create</c>),
/// run as separate processes on the data directory, the way an operator or a deployment script would.
/// </summary>
public sealed class S3AdminCli(string dataDirectory)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public Task CreateBucketAsync(string name) =>
        RunAsync(["s3", "buckets", "create", "--data", dataDirectory, name, "--json"]);

    /// <summary>A bucket of <paramref name="account"/> (created if missing).</summary>
    public Task CreateBucketAsync(string name, string account) =>
        RunAsync(["s3", "buckets", "create", "--data", dataDirectory, name, "--account", account, "--json"]);

    /// <summary>A long-lived key of the default account (or <paramref name="account"/>): no session token, every operation on its buckets.</summary>
    public Task<S3Credential> CreateAccountKeyAsync(Uri endpoint, string? account = null) =>
        CreateCredentialAsync(["--endpoint", endpoint.ToString().TrimEnd('/'), .. account is null ? (string[])[] : ["--account", account]]);

    /// <summary>Any other <c>stowage</c> command on the data directory (<c>--data</c> is added), asserting it succeeds.</summary>
    public Task<ProcessResult> StowageAsync(params string[] arguments) => RunAsync([.. arguments, "--data", dataDirectory]);

    /// <summary>A temporary credential that may only upload <paramref name="key"/> in <paramref name="bucket"/>.</summary>
    public Task<S3Credential> CreateScopedCredentialAsync(Uri endpoint, string bucket, string key, TimeSpan ttl) =>
        CreateCredentialAsync(["--bucket", bucket, "--key", key, "--ttl", Ttl(ttl), "--endpoint", endpoint.ToString().TrimEnd('/')]);

    private async Task<S3Credential> CreateCredentialAsync(IReadOnlyList<string> options)
    {
        var result = await RunAsync(["s3", "credentials", "create", "--data", dataDirectory, .. options, "--json"]);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        return new S3Credential(
            root.GetProperty("accessKeyId").GetString()!,
            root.GetProperty("secretAccessKey").GetString()!,
            OptionalString(root, "sessionToken"),
            OptionalString(root, "expiration") is { } expiration ? DateTimeOffset.Parse(expiration, CultureInfo.InvariantCulture) : null,
            OptionalString(root, "endpoint"),
            OptionalString(root, "bucket"),
            OptionalString(root, "key"));
    }

    /// <summary><c>stowage s3 presign</c>: a URL signed with a long-lived key, and the headers it was signed with.</summary>
    public async Task<(string Url, IReadOnlyDictionary<string, string> Headers)> PresignAsync(S3Credential key, Uri endpoint, string method, string bucket, string objectKey, string expires, bool emptyContentType)
    {
        string[] options = ["--access-key-id", key.AccessKeyId, "--bucket", bucket, "--key", objectKey, "--method", method, "--expires", expires, "--endpoint", endpoint.ToString().TrimEnd('/')];
        var result = await RunAsync(["s3", "presign", "--data", dataDirectory, .. options, .. emptyContentType ? (string[])["--empty-content-type"] : [], "--json"]);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var headers = json.RootElement.GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty);
        return (json.RootElement.GetProperty("url").GetString()!, headers);
    }

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Whole seconds are enough for every test, and "2s" is the form an operator types.</summary>
    private static string Ttl(TimeSpan ttl) => $"{(long)Math.Ceiling(ttl.TotalSeconds)}s";

    private static async Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments)
    {
        var result = await ProcessRunner.RunAsync("dotnet", [RepoPaths.CliDll, .. arguments], Timeout);
        result.ExitCode.ShouldBe(0, $"stowage {string.Join(' ', arguments)} failed: {result}");
        return result;
    }
}
