using System.Diagnostics;
using System.Globalization;
using Stowage.Bench.Servers;

namespace Stowage.Bench.S3;

/// <summary>
/// awscli v2 (Debian's /usr/bin/aws; the pyenv "aws" on PATH is v1) with a config of its own: the
/// user's config, profile, credentials and AWS_* variables never leak in (AWS_CA_BUNDLE, set on this
/// machine, would only matter for https).
/// </summary>
internal sealed class AwsCli
{
    public const string DefaultExecutable = "/usr/bin/aws";

    /// <summary>awscli's defaults, written out so the report states them (docs: "s3 configuration").</summary>
    public const long ChunkBytes = 8 * 1024 * 1024;

    public const int ConcurrentRequests = 10;

    private readonly string executable;
    private readonly string configFile;
    private readonly string credentialsFile;

    private AwsCli(string executable, string configFile, string credentialsFile, Uri endpoint)
    {
        this.executable = executable;
        this.configFile = configFile;
        this.credentialsFile = credentialsFile;
        Endpoint = endpoint.GetLeftPart(UriPartial.Authority);
    }

    public string Endpoint { get; }

    public static bool Exists(string executable) => File.Exists(executable);

    public static AwsCli Create(string executable, string directory, Uri endpoint, S3Credentials credentials)
    {
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "config");
        var secrets = Path.Combine(directory, "credentials");

        // payload_signing_enabled is left at its default: botocore signs every payload over plain http
        // whatever it says (auth.py _should_sha256_sign_payload: "Payloads will always be signed over
        // insecure connections"), so awscli has no unsigned mode against an http endpoint.
        File.WriteAllText(config, string.Create(CultureInfo.InvariantCulture, $"""
            [default]
            region = {S3ClientFactory.Region}
            s3 =
              addressing_style = path
              multipart_threshold = {ChunkBytes}
              multipart_chunksize = {ChunkBytes}
              max_concurrent_requests = {ConcurrentRequests}

            """));
        File.WriteAllText(secrets, $"""
            [default]
            aws_access_key_id = {credentials.AccessKeyId}
            aws_secret_access_key = {credentials.SecretAccessKey}

            """);
        return new AwsCli(executable, config, secrets, endpoint);
    }

    public Task<CommandResult> RunAsync(IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken ct)
    {
        var info = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["AWS_CONFIG_FILE"] = configFile;
        info.Environment["AWS_SHARED_CREDENTIALS_FILE"] = credentialsFile;
        info.Environment["AWS_PAGER"] = "";
        return CommandRunner.RunAsync(info, $"{executable} {string.Join(' ', arguments)}", timeout, ct);
    }
}
