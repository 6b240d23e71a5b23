using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>
/// The two awscli generations, both run through clients/aws.sh: Debian's v2 (<c>/usr/bin/aws</c>; the
/// <c>aws</c> first on PATH may be pyenv's v1) and pyenv's v1 (<c>python3 -m awscli</c>).
/// </summary>
public sealed class AwsCli(string command, string expectedVersionPrefix)
{
    public static readonly AwsCli V2 = new("/usr/bin/aws", "aws-cli/2.");
    public static readonly AwsCli V1 = new("python3 -m awscli", "aws-cli/1.");

    /// <summary>Runs <c>aws ARGS --endpoint-url ENDPOINT</c> with <paramref name="credential"/>.</summary>
    public Task<ProcessResult> RunAsync(S3ServerFixture fixture, S3Credential credential, IEnumerable<string> arguments, TimeSpan? timeout = null) =>
        ClientScripts.RunAsync(fixture, credential, "bash", [ClientScripts.Script("aws.sh"), .. arguments],
            new Dictionary<string, string> { ["AWS_CLI"] = command }, timeout);

    /// <summary>Fails unless this is the awscli generation the test means to drive.</summary>
    public async Task ShouldBeTheExpectedVersionAsync(S3ServerFixture fixture)
    {
        var result = await RunAsync(fixture, fixture.AccountKey, ["--version"]);
        result.ShouldSucceed($"{command} --version");
        (result.StandardOutput + result.StandardError).Trim().ShouldStartWith(expectedVersionPrefix, customMessage: $"{command} is not the awscli expected");
    }

    public override string ToString() => command;
}
