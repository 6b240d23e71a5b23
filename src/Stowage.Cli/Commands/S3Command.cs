using System.CommandLine;

namespace Stowage.Cli.Commands;

/// <summary>
/// <c>stowage s3 buckets create|list</c>, <c>stowage s3 credentials create|list|revoke</c> and
/// <c>stowage s3 presign</c>: the S3 endpoint's buckets, access keys and presigned URLs. Scripts and tests rely on the options and the JSON (docs/operations.md).
/// </summary>
internal static class S3Command
{
    public static Command Create()
    {
        var s3 = new Command("s3", "Buckets, credentials and presigned URLs of the S3 endpoint.");
        s3.Subcommands.Add(S3BucketsCommand.Create());
        s3.Subcommands.Add(S3CredentialsCommand.Create());
        s3.Subcommands.Add(S3PresignCommand.Create());
        return s3;
    }
}
