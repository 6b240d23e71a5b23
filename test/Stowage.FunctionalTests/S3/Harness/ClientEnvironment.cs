using System.Diagnostics;

namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>
/// The environment of one client run: an empty HOME of its own (no ~/.aws, ~/.s3cfg or rclone.conf of
/// the user can leak in), no inherited AWS_*, RCLONE_* or proxy variables, region us-east-1, one
/// attempt per request (a retry would hide a server error), and the credential as the standard
/// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN variables.
/// </summary>
public sealed class ClientEnvironment
{
    private static readonly string[] RemovedPrefixes = ["AWS_", "RCLONE_", "S3CMD"];

    private static readonly string[] RemovedNames =
        ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE", "BOTO_CONFIG"];

    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);

    public ClientEnvironment(string home, S3Credential credential)
    {
        Home = home;
        Directory.CreateDirectory(Path.Combine(home, ".config"));
        _variables["HOME"] = home;
        _variables["XDG_CONFIG_HOME"] = Path.Combine(home, ".config");
        // Paths that do not exist: the AWS tools then read no file at all.
        _variables["AWS_CONFIG_FILE"] = Path.Combine(home, ".aws", "config");
        _variables["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home, ".aws", "credentials");
        _variables["AWS_DEFAULT_REGION"] = "us-east-1";
        _variables["AWS_REGION"] = "us-east-1";
        _variables["AWS_MAX_ATTEMPTS"] = "1";
        _variables["AWS_RETRY_MODE"] = "standard";
        // Without credentials an AWS SDK would ask the EC2 metadata address; these tests talk to 127.0.0.1 only.
        _variables["AWS_EC2_METADATA_DISABLED"] = "true";
        _variables["AWS_PAGER"] = string.Empty;
        _variables["NO_PROXY"] = "127.0.0.1,localhost";
        _variables["no_proxy"] = "127.0.0.1,localhost";
        _variables["AWS_ACCESS_KEY_ID"] = credential.AccessKeyId;
        _variables["AWS_SECRET_ACCESS_KEY"] = credential.SecretAccessKey;
        if (credential.SessionToken is { } token)
        {
            _variables["AWS_SESSION_TOKEN"] = token;
        }
    }

    public string Home { get; }

    /// <summary>Adds or replaces a variable (an endpoint, rclone's RCLONE_CONFIG_* settings…).</summary>
    public ClientEnvironment With(string name, string value)
    {
        _variables[name] = value;
        return this;
    }

    public void ApplyTo(ProcessStartInfo info)
    {
        foreach (var name in info.Environment.Keys.ToList())
        {
            if (RemovedNames.Contains(name, StringComparer.Ordinal) || RemovedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                info.Environment.Remove(name);
            }
        }

        foreach (var (name, value) in _variables)
        {
            info.Environment[name] = value;
        }
    }
}
