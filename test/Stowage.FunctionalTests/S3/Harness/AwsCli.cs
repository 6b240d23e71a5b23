using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>
/// The two awscli generations, both run through clients/aws.sh: Debian's v2 (<c>/usr/bin/aws</c>, whatever
/// <c>aws</c> is first on PATH) and v1 as pinned in clients/requirements.txt, run by the tests' own venv
/// (<c>python -m awscli</c>, <see cref="TestPython"/>).
/// </summary>
public sealed class AwsCli(string command, string expectedVersionPrefix)
{
    public static readonly AwsCli V2 = new("/usr/bin/aws", "aws-cli/2.");

    // A property: the venv is looked up when a v1 test runs, so a missing venv fails that test with what to run.
    public static AwsCli V1 => new($"{TestPython.Interpreter} -m awscli", $"aws-cli/{TestPython.PinnedVersion("awscli")} ");

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
