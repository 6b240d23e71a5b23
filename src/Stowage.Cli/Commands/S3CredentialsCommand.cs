using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stowage.Core.Accounts;
using Stowage.Core.S3;

namespace Stowage.Cli.Commands;

/// <summary>
/// <c>stowage s3 credentials create|list|revoke</c>. Without <c>--bucket</c>/<c>--key</c>, create makes a long-lived
/// access key of the account (stored; listable; revocable); with them, a temporary credential for that one object
/// key (not stored; it expires after <c>--ttl</c> and cannot be revoked). Secrets are printed once, at creation.
/// </summary>
internal static class S3CredentialsCommand
{
    private const string DefaultTtl = "2h"; // seed 000: "Asset upload credentials expire after 2 hours"

    public static Command Create()
    {
        var credentials = new Command("credentials", "Create, list and revoke S3 access keys; issue temporary credentials for one object key.");
        credentials.Subcommands.Add(CreateCommand());
        credentials.Subcommands.Add(ListCommand());
        credentials.Subcommands.Add(RevokeCommand());
        return credentials;
    }

    private static Command CreateCommand()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var account = S3BucketsCommand.AccountOption("The account the credentials act for (created if missing, for a long-lived key).");
        var bucket = new Option<string?>("--bucket") { Description = "With --key: a temporary credential for this bucket's one key. The bucket must be the account's." };
        var key = new Option<string?>("--key") { Description = "With --bucket: the one object key the temporary credential may upload." };
        var ttl = new Option<string?>("--ttl") { Description = $"Lifetime of a temporary credential: 90s, 30m, 2h, 1d (default {DefaultTtl})." };
        var endpoint = new Option<string?>("--endpoint") { Description = $"The endpoint URL to print (default {S3Endpoint.PublicEndpointKey}, else the first of {S3Endpoint.UrlsKey})." };
        var command = new Command("create", "Create a long-lived access key, or a temporary credential scoped to one object key.") { data, account, bucket, key, ttl, endpoint, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var (bucketName, objectKey, ttlText) = (result.GetValue(bucket), result.GetValue(key), result.GetValue(ttl));
            if (bucketName is null != objectKey is null)
            {
                return await S3CliOutput.FailAsync(2, "--bucket and --key go together: a temporary credential is for one object key.").ConfigureAwait(false);
            }

            if (ttlText is not null && bucketName is null)
            {
                return await S3CliOutput.FailAsync(2, "--ttl is for temporary credentials: give --bucket and --key too.").ConfigureAwait(false);
            }

            if (!CliDuration.TryParse(ttlText ?? DefaultTtl, out var lifetime))
            {
                return await S3CliOutput.FailAsync(2, $"--ttl '{ttlText}' is not a duration like 90s, 30m, 2h or 1d.").ConfigureAwait(false);
            }

            await using var services = await CliServices.OpenAsync(result.GetValue(data)!, cancellationToken).ConfigureAwait(false);
            var issued = bucketName is null
                ? await CreateLongLivedAsync(services, result.GetValue(account)!, cancellationToken).ConfigureAwait(false)
                : await IssueTemporaryAsync(services, result.GetValue(account)!, new S3KeyScope(bucketName, objectKey!), lifetime, cancellationToken).ConfigureAwait(false);
            if (issued.Credentials is not { } credentials)
            {
                return await S3CliOutput.FailAsync(issued.ExitCode, issued.Error!).ConfigureAwait(false);
            }

            Print(credentials, S3Endpoint.Resolve(result.GetValue(endpoint), S3Endpoint.LoadConfiguration()), result.GetValue(json));
            return 0;
        });
        return command;
    }

    private static async Task<Issued> CreateLongLivedAsync(IServiceProvider services, string accountName, CancellationToken cancellationToken)
    {
        var owner = await services.GetRequiredService<AccountService>().EnsureAsync(accountName, cancellationToken).ConfigureAwait(false);
        return new Issued(await services.GetRequiredService<S3CredentialService>().CreateAccessKeyAsync(owner.Id, cancellationToken).ConfigureAwait(false), 0, null);
    }

    private static async Task<Issued> IssueTemporaryAsync(IServiceProvider services, string accountName, S3KeyScope scope, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var longest = services.GetRequiredService<IOptions<S3Options>>().Value.MaxTemporaryCredentialSeconds;
        if (lifetime < TimeSpan.FromSeconds(1) || lifetime > TimeSpan.FromSeconds(longest))
        {
            return new Issued(null, 2, $"--ttl must be between 1s and {longest}s (Stowage:S3:MaxTemporaryCredentialSeconds).");
        }

        var owner = await services.GetRequiredService<AccountService>().FindAsync(accountName, cancellationToken).ConfigureAwait(false);
        var target = await services.GetRequiredService<S3BucketService>().FindAsync(scope.Bucket, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            return new Issued(null, 1, $"No bucket '{scope.Bucket}': create it with 'stowage s3 buckets create {scope.Bucket} --account {accountName}'.");
        }

        if (owner is null || target.AccountId != owner.Id)
        {
            return new Issued(null, 1, $"Bucket '{scope.Bucket}' does not belong to account '{accountName}'.");
        }

        try
        {
            return new Issued(await services.GetRequiredService<S3CredentialService>().IssueTemporaryAsync(owner.Id, scope, lifetime, cancellationToken).ConfigureAwait(false), 0, null);
        }
        catch (ArgumentException ex)
        {
            return new Issued(null, 2, ex.Message);
        }
    }

    private static void Print(S3Credentials credentials, string endpoint, bool json)
    {
        if (json)
        {
            S3CliOutput.WriteJson(new
            {
                accessKeyId = credentials.AccessKeyId,
                secretAccessKey = credentials.SecretAccessKey,
                sessionToken = credentials.SessionToken,
                expiration = S3CliOutput.Time(credentials.Expiration),
                endpoint,
                bucket = credentials.Scope?.Bucket,
                key = credentials.Scope?.Key,
            });
            return;
        }

        Console.WriteLine($"Access key id:      {credentials.AccessKeyId}");
        Console.WriteLine($"Secret access key:  {credentials.SecretAccessKey}   (shown once)");
        if (credentials.SessionToken is not null)
        {
            Console.WriteLine($"Session token:      {credentials.SessionToken}");
            Console.WriteLine($"Expiration:         {S3CliOutput.Time(credentials.Expiration)}");
        }

        Console.WriteLine($"Endpoint:           {endpoint}");
        if (credentials.Scope is { } scope)
        {
            Console.WriteLine($"Allows:             uploading s3://{scope.Bucket}/{scope.Key} only (PutObject, multipart), with --acl {AccountPolicy.RequiredCannedAcl}");
        }

        Console.WriteLine();
        Console.WriteLine($"  export AWS_ACCESS_KEY_ID={credentials.AccessKeyId}");
        Console.WriteLine($"  export AWS_SECRET_ACCESS_KEY='{credentials.SecretAccessKey}'");
        if (credentials.SessionToken is not null)
        {
            Console.WriteLine($"  export AWS_SESSION_TOKEN={credentials.SessionToken}");
        }

        Console.WriteLine(credentials.Scope is { } target
            ? $"  aws --endpoint-url {endpoint} s3 cp FILE 's3://{target.Bucket}/{target.Key}' --acl {AccountPolicy.RequiredCannedAcl}"
            : $"  aws --endpoint-url {endpoint} s3 ls");
    }

    private static Command ListCommand()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var account = new Option<string?>("--account") { Description = "Only this account's keys." };
        var command = new Command("list", "List long-lived access keys (never their secrets; temporary credentials are not stored).") { data, account, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await CliServices.OpenAsync(result.GetValue(data)!, cancellationToken).ConfigureAwait(false);
            var accounts = (await services.GetRequiredService<AccountService>().ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Id, a => a.Name);
            string? accountId = null;
            if (result.GetValue(account) is { } accountName)
            {
                accountId = accounts.FirstOrDefault(a => a.Value == accountName).Key;
                if (accountId is null)
                {
                    return Print([], result.GetValue(json));
                }
            }

            var keys = await services.GetRequiredService<S3CredentialService>().ListAccessKeysAsync(accountId, cancellationToken).ConfigureAwait(false);
            return Print([.. keys.Select(k => new KeyRow(k.AccessKeyId, accounts.GetValueOrDefault(k.AccountId, k.AccountId), S3CliOutput.Time(k.Created), S3CliOutput.Time(k.Revoked)))], result.GetValue(json));
        });
        return command;
    }

    private static int Print(IReadOnlyList<KeyRow> rows, bool json)
    {
        if (json)
        {
            S3CliOutput.WriteJson(rows.Select(r => new { accessKeyId = r.AccessKeyId, account = r.Account, created = r.Created, revoked = r.Revoked }));
            return 0;
        }

        foreach (var r in rows)
        {
            Console.WriteLine($"{r.AccessKeyId}  {r.Account}  created {r.Created}  {(r.Revoked is null ? "active" : "revoked " + r.Revoked)}");
        }

        return 0;
    }

    private static Command RevokeCommand()
    {
        var data = CommonOptions.Data();
        var id = new Argument<string>("accessKeyId") { Description = "The access key id (AKIA...)." };
        var command = new Command("revoke", "Revoke a long-lived access key; a running server refuses it within 30 seconds (InvalidAccessKeyId).") { data, id };
        command.SetAction(async (result, cancellationToken) =>
        {
            var accessKeyId = result.GetValue(id)!;
            await using var services = await CliServices.OpenAsync(result.GetValue(data)!, cancellationToken).ConfigureAwait(false);
            if (!await services.GetRequiredService<S3CredentialService>().RevokeAccessKeyAsync(accessKeyId, cancellationToken).ConfigureAwait(false))
            {
                return await S3CliOutput.FailAsync(1, $"No S3 access key '{accessKeyId}'.").ConfigureAwait(false);
            }

            Console.WriteLine($"Revoked {accessKeyId}; a running server refuses it within {S3CredentialService.CacheLifetime.TotalSeconds:0} seconds.");
            return 0;
        });
        return command;
    }

    private sealed record Issued(S3Credentials? Credentials, int ExitCode, string? Error);

    private sealed record KeyRow(string AccessKeyId, string Account, string? Created, string? Revoked);
}
