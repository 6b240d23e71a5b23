using Stowage.Core.Errors;
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Stowage.Core.Accounts;
using Stowage.Core.S3;

namespace Stowage.Cli.Commands;

/// <summary><c>stowage s3 buckets create NAME [--account A]</c> (idempotent for the owner) and <c>stowage s3 buckets list</c>.</summary>
internal static class S3BucketsCommand
{
    public static Command Create()
    {
        var buckets = new Command("buckets", "Create and list the S3 endpoint's buckets.");
        buckets.Subcommands.Add(CreateCommand());
        buckets.Subcommands.Add(ListCommand());
        return buckets;
    }

    private static Command CreateCommand()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var name = new Argument<string>("name") { Description = "The bucket name (S3 rules: 3-63 lowercase letters, digits, dots, hyphens)." };
        var account = AccountOption("The account that owns the bucket (created if missing).");
        var command = new Command("create", "Create a bucket; creating one the account already owns succeeds.") { data, name, account, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var bucketName = result.GetValue(name)!;
            if (!S3BucketService.IsValidName(bucketName))
            {
                return await S3CliOutput.FailAsync(2, $"'{bucketName}' is not a valid bucket name: 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, not an IP address.").ConfigureAwait(false);
            }

            await using var services = await CliServices.OpenAsync(result.GetValue(data)!, cancellationToken).ConfigureAwait(false);
            var owner = await services.GetRequiredService<AccountService>().EnsureAsync(result.GetValue(account)!, cancellationToken).ConfigureAwait(false);
            var created = await services.GetRequiredService<S3BucketService>().CreateAsync(owner.Id, bucketName, cancellationToken).ConfigureAwait(false);
            if (!created.IsSuccess)
            {
                // A refusal with a reason of its own (the projects bucket's reserved name) says it; else the plain one.
                var reason = created.Failure.Reason is { } own ? own
                    : created.Failure.Error == StowageErrors.BucketAlreadyExists ? $"Bucket '{bucketName}' belongs to another account."
                    : $"Bucket '{bucketName}': {created.Failure.Error.Message}";
                return await S3CliOutput.FailAsync(1, reason).ConfigureAwait(false);
            }

            var bucket = created.Value;
            if (result.GetValue(json))
            {
                S3CliOutput.WriteJson(new { name = bucket.Name, account = owner.Name, created = S3CliOutput.Time(bucket.Created) });
            }
            else
            {
                Console.WriteLine($"Bucket {bucket.Name} of account '{owner.Name}', created {S3CliOutput.Time(bucket.Created)}.");
            }

            return 0;
        });
        return command;
    }

    private static Command ListCommand()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var command = new Command("list", "List buckets with their accounts.") { data, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await CliServices.OpenAsync(result.GetValue(data)!, cancellationToken).ConfigureAwait(false);
            var accounts = (await services.GetRequiredService<AccountService>().ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Id, a => a.Name);
            var buckets = await services.GetRequiredService<S3BucketService>().ListAsync(null, cancellationToken).ConfigureAwait(false);
            var rows = buckets.Select(b => new { name = b.Name, account = accounts.GetValueOrDefault(b.AccountId, b.AccountId), created = S3CliOutput.Time(b.Created) }).ToList();
            if (result.GetValue(json))
            {
                S3CliOutput.WriteJson(rows);
                return 0;
            }

            foreach (var row in rows)
            {
                Console.WriteLine($"{row.name}  {row.account}  {row.created}");
            }

            return 0;
        });
        return command;
    }

    internal static Option<string> AccountOption(string description) => new("--account")
    {
        Description = description,
        DefaultValueFactory = _ => AccountService.DefaultAccountName,
    };
}
