using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Stowage.Core.Accounts;

namespace Stowage.Cli.Commands;

/// <summary><c>stowage keys create|list|revoke</c>. A secret is printed once, at creation, and stored only as a hash.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var keys = new Command("keys", "Create, list and revoke API keys.");
        keys.Subcommands.Add(CreateCommand());
        keys.Subcommands.Add(ListCommand());
        keys.Subcommands.Add(RevokeCommand());
        return keys;
    }

    private static Command CreateCommand()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var name = new Option<string>("--name") { Description = "A label for the key.", Required = true };
        var scopes = new Option<string[]>("--scope")
        {
            Description = $"A scope to grant (repeatable): {string.Join(", ", Scopes.All)}. Default: all.",
            AllowMultipleArgumentsPerToken = false,
        };
        var account = new Option<string>("--account")
        {
            Description = "The account that owns the key (created if missing).",
            DefaultValueFactory = _ => AccountService.DefaultAccountName,
        };
        var command = new Command("create", "Create a key and print its secret once.") { data, name, scopes, account, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await CliServices.OpenAsync(result.GetValue(data)!, cancellationToken).ConfigureAwait(false);
            CreatedKey created;
            try
            {
                created = await services.GetRequiredService<ApiKeyService>()
                    .CreateAsync(result.GetValue(account)!, result.GetValue(name)!, result.GetValue(scopes) ?? [], cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 2;
            }

            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    id = created.Key.Id,
                    secret = created.Secret,
                    name = created.Key.Name,
                    account = created.Account.Name,
                    scopes = created.Key.Scopes,
                }));
            }
            else
            {
                Console.WriteLine($"Key {created.Key.Id} ({created.Key.Name}) for account '{created.Account.Name}', scopes {string.Join(" ", created.Key.Scopes)}.");
                Console.WriteLine($"Secret (shown once): {created.Secret}");
                Console.WriteLine($"Use it as:  Authorization: Bearer {created.Secret}");
            }

            return 0;
        });
        return command;
    }

    private static Command ListCommand()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var account = new Option<string?>("--account") { Description = "Only this account's keys." };
        var command = new Command("list", "List keys (never their secrets).") { data, account, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await CliServices.OpenAsync(result.GetValue(data)!, cancellationToken).ConfigureAwait(false);
            var list = await services.GetRequiredService<ApiKeyService>().ListAsync(result.GetValue(account), cancellationToken).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(list.Select(k => new
                {
                    id = k.Id,
                    name = k.Name,
                    account_id = k.AccountId,
                    hint = k.Hint,
                    scopes = k.Scopes,
                    created = k.Created,
                    revoked = k.Revoked,
                })));
                return 0;
            }

            foreach (var k in list)
            {
                var state = k.Revoked is null ? "active" : $"revoked {k.Revoked:u}";
                Console.WriteLine($"{k.Id}  {k.Name}  {k.Hint}  {string.Join(' ', k.Scopes)}  {state}");
            }

            return 0;
        });
        return command;
    }

    private static Command RevokeCommand()
    {
        var data = CommonOptions.Data();
        var id = new Argument<string>("id") { Description = "The key id (key_...)." };
        var command = new Command("revoke", "Revoke a key; requests with it get 401 invalid_api_key from then on.") { data, id };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await CliServices.OpenAsync(result.GetValue(data)!, cancellationToken).ConfigureAwait(false);
            if (!await services.GetRequiredService<ApiKeyService>().RevokeAsync(result.GetValue(id)!, cancellationToken).ConfigureAwait(false))
            {
                await Console.Error.WriteLineAsync($"No key '{result.GetValue(id)}'.").ConfigureAwait(false);
                return 1;
            }

            Console.WriteLine($"Revoked {result.GetValue(id)}.");
            return 0;
        });
        return command;
    }
}
