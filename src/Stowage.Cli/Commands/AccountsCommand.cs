using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Stowage.Core.Accounts;
using Stowage.Core.Uploads;

namespace Stowage.Cli.Commands;

/// <summary>
/// <c>stowage accounts list|set</c>: an account's upload permission ("tariff"), storage quota and
/// limits. A limit of "none" falls back to the server-wide default from configuration.
/// </summary>
internal static class AccountsCommand
{
    public static Command Create()
    {
        var accounts = new Command("accounts", "List accounts and set their quota and limits.");
        accounts.Subcommands.Add(ListCommand());
        accounts.Subcommands.Add(SetCommand());
        return accounts;
    }

    private static Command ListCommand()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var command = new Command("list", "List accounts.") { data, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await CliServices.OpenAsync(result.GetValue(data)!, cancellationToken).ConfigureAwait(false);
            var list = await services.GetRequiredService<AccountService>().ListAsync(cancellationToken).ConfigureAwait(false);
            var usage = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var account in list)
            {
                usage[account.Id] = await services.GetRequiredService<IUploadStore>().GetAccountUsageAsync(account.Id, cancellationToken).ConfigureAwait(false);
            }

            Print(list, result.GetValue(json), usage);
            return 0;
        });
        return command;
    }

    private static Command SetCommand()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var name = new Argument<string>("name") { Description = "The account (created if missing)." };
        var upload = new Option<bool?>("--upload-allowed") { Description = "Whether the account may upload (false: 403 tariff_forbids_upload)." };
        var quota = new Option<string?>("--quota") { Description = "Storage quota in bytes (suffixes K, M, G, T, KiB…), or 'none'." };
        var maxFile = new Option<string?>("--max-file") { Description = "Per-file cap in bytes, or 'none' for the server default." };
        var maxSession = new Option<string?>("--max-session") { Description = "Per-session cap in bytes, or 'none' for the server default." };
        var maxProjects = new Option<string?>("--max-projects") { Description = "Most projects, or 'none'." };
        var command = new Command("set", "Create or change an account.") { data, name, upload, quota, maxFile, maxSession, maxProjects, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await CliServices.OpenAsync(result.GetValue(data)!, cancellationToken).ConfigureAwait(false);
            try
            {
                var updated = await services.GetRequiredService<AccountService>().UpdateAsync(result.GetValue(name)!, a => a with
                {
                    UploadAllowed = result.GetValue(upload) ?? a.UploadAllowed,
                    QuotaBytes = ByteSize.ParseOrKeep(result.GetValue(quota), a.QuotaBytes),
                    MaxFileBytes = ByteSize.ParseOrKeep(result.GetValue(maxFile), a.MaxFileBytes),
                    MaxSessionBytes = ByteSize.ParseOrKeep(result.GetValue(maxSession), a.MaxSessionBytes),
                    MaxProjects = (int?)ByteSize.ParseOrKeep(result.GetValue(maxProjects), a.MaxProjects),
                }, cancellationToken).ConfigureAwait(false);
                Print([updated], result.GetValue(json));
                return 0;
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
            {
                await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 2;
            }
        });
        return command;
    }

    /// <summary>Prints accounts; with <paramref name="usage"/> (list), each one's bytes held: sessions, projects, S3 objects and parts of open multipart uploads.</summary>
    private static void Print(IReadOnlyList<Account> accounts, bool json, IReadOnlyDictionary<string, long>? usage = null)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(accounts.Select(a => new
            {
                id = a.Id,
                name = a.Name,
                upload_allowed = a.UploadAllowed,
                quota_bytes = a.QuotaBytes,
                max_file_bytes = a.MaxFileBytes,
                max_session_bytes = a.MaxSessionBytes,
                max_projects = a.MaxProjects,
                created = a.Created,
                usage_bytes = usage?.GetValueOrDefault(a.Id),
            })));
            return;
        }

        foreach (var a in accounts)
        {
            Console.WriteLine($"{a.Id}  {a.Name}  upload={(a.UploadAllowed ? "allowed" : "forbidden")}  quota={a.QuotaBytes?.ToString() ?? "default"}  " +
                $"max-file={a.MaxFileBytes?.ToString() ?? "default"}  max-session={a.MaxSessionBytes?.ToString() ?? "default"}  max-projects={a.MaxProjects?.ToString() ?? "none"}" +
                (usage is null ? "" : $"  usage={usage.GetValueOrDefault(a.Id)}"));
        }
    }
}
