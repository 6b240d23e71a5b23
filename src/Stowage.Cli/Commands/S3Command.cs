using System.CommandLine;

namespace Stowage.Cli.Commands;

/// <summary>
/// <c>stowage s3 buckets create|list</c> and <c>stowage s3 credentials create|list|revoke</c>: the S3 endpoint's
/// buckets and access keys. Scripts and tests rely on the options and the JSON (docs/operations.md).
/// </summary>
internal static class S3Command
{
    public static Command Create()
    {
        var s3 = new Command("s3", "Buckets and credentials of the S3 endpoint.");
        s3.Subcommands.Add(S3BucketsCommand.Create());
        s3.Subcommands.Add(S3CredentialsCommand.Create());
        return s3;
    }
}
