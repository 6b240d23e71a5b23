using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Stowage.Core.Accounts;
using Stowage.Core.Projects;

namespace Stowage.Cli.Commands;

/// <summary>
/// <c>stowage projects list|show|delete</c>: an operator's view of the projects on a data directory (what the
/// Sessions API's GET /projects and DELETE /projects/{name} give an account). Works beside a running server.
/// </summary>
internal static class ProjectsCommand
{
    public static Command Create()
    {
        var projects = new Command("projects", "List, show and delete projects.");
        projects.Subcommands.Add(ListCommand());
        projects.Subcommands.Add(ShowCommand());
        projects.Subcommands.Add(DeleteCommand());
        return projects;
    }

    private static Command ListCommand()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var account = new Option<string?>("--account") { Description = "Only this account's projects (by name); default: every account's." };
        var command = new Command("list", "List projects, newest first per account.") { data, account, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await CliServices.OpenAsync(result.GetValue(data)!, cancellationToken).ConfigureAwait(false);
            var accounts = await AccountsAsync(services, result.GetValue(account), cancellationToken).ConfigureAwait(false);
            if (accounts is null)
            {
                await Console.Error.WriteLineAsync($"No account named '{result.GetValue(account)}'.").ConfigureAwait(false);
                return 1;
            }

            var store = services.GetRequiredService<IProjectStore>();
            var rows = new List<(Account Account, ProjectRecord Project)>();
            foreach (var a in accounts)
            {
                var count = await store.CountProjectsAsync(a.Id, cancellationToken).ConfigureAwait(false);
                foreach (var p in await store.ListProjectsAsync(a.Id, 0, Math.Max(count, 1), cancellationToken).ConfigureAwait(false))
                {
                    rows.Add((a, p));
                }
            }

            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(rows.Select(r => Summary(r.Account, r.Project))));
                return 0;
            }

            Console.WriteLine("NAME  ACCOUNT  STATUS  SIZE  CREATED  TITLE");
            foreach (var (a, p) in rows)
            {
                Console.WriteLine($"{p.Name}  {a.Name}  {p.Status}  {p.SizeBytes}  {p.Created.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)}  {p.Title}");
            }

            return 0;
        });
        return command;
    }

    private static Command ShowCommand()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var name = new Argument<string>("name") { Description = "The project's name." };
        var command = new Command("show", "Show a project and its files.") { data, name, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await CliServices.OpenAsync(result.GetValue(data)!, cancellationToken).ConfigureAwait(false);
            var store = services.GetRequiredService<IProjectStore>();
            var project = await store.GetProjectAsync(result.GetValue(name)!, cancellationToken).ConfigureAwait(false);
            if (project is null || project.State == ProjectState.Deleting)
            {
                await Console.Error.WriteLineAsync($"No project named '{result.GetValue(name)}'.").ConfigureAwait(false);
                return 1;
            }

            var owner = await services.GetRequiredService<IAccountStore>().GetAccountAsync(project.AccountId, cancellationToken).ConfigureAwait(false);
            var files = await store.ListProjectFilesAsync(project.Name, cancellationToken).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    project = Summary(owner, project),
                    errors = project.Errors.Select(e => new { code = e.Code, message = e.Message, file = e.File }),
                    files = files.Select(f => new { name = f.Path, size = f.Size, sha256 = f.Sha256, from_archive = f.FromArchive }),
                }));
                return 0;
            }

            Console.WriteLine($"{project.Name}  {owner?.Name ?? project.AccountId}  status={project.Status}  size={project.SizeBytes}  title={project.Title}");
            foreach (var e in project.Errors)
            {
                Console.WriteLine($"error  {e.Code}  {e.Message}  {e.File}");
            }

            Console.WriteLine("FILE  SIZE  SHA256  FROM_ARCHIVE");
            foreach (var f in files)
            {
                Console.WriteLine($"{f.Path}  {f.Size}  {f.Sha256 ?? "-"}  {f.FromArchive ?? "-"}");
            }

            return 0;
        });
        return command;
    }

    private static Command DeleteCommand()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var name = new Argument<string>("name") { Description = "The project's name." };
        var account = new Option<string?>("--account") { Description = "Delete only if the project is this account's (by name)." };
        var command = new Command("delete", "Delete a project, its files and its usage (idempotent).") { data, name, account, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await CliServices.OpenAsync(result.GetValue(data)!, cancellationToken).ConfigureAwait(false);
            var project = await services.GetRequiredService<IProjectStore>().GetProjectAsync(result.GetValue(name)!, cancellationToken).ConfigureAwait(false);
            var deleted = false;
            if (project is not null)
            {
                var accounts = await AccountsAsync(services, result.GetValue(account), cancellationToken).ConfigureAwait(false);
                if (accounts is null || !accounts.Any(a => a.Id == project.AccountId))
                {
                    await Console.Error.WriteLineAsync($"Project '{project.Name}' is not account '{result.GetValue(account)}''s.").ConfigureAwait(false);
                    return 1;
                }

                await services.GetRequiredService<ProjectFileService>().RemoveAsync(project, cancellationToken).ConfigureAwait(false);
                deleted = true;
            }

            Console.WriteLine(result.GetValue(json)
                ? JsonSerializer.Serialize(new { name = result.GetValue(name), deleted })
                : deleted ? $"Deleted {result.GetValue(name)}." : $"No project named '{result.GetValue(name)}' (nothing to delete).");
            return 0;
        });
        return command;
    }

    /// <summary>The named account alone, every account when no name is given, or null for an unknown name.</summary>
    private static async Task<IReadOnlyList<Account>?> AccountsAsync(ServiceProvider services, string? name, CancellationToken cancellationToken)
    {
        var accounts = services.GetRequiredService<AccountService>();
        if (name is null)
        {
            return await accounts.ListAsync(cancellationToken).ConfigureAwait(false);
        }

        return await accounts.FindAsync(name, cancellationToken).ConfigureAwait(false) is { } one ? [one] : null;
    }

    private static object Summary(Account? owner, ProjectRecord p) => new
    {
        name = p.Name,
        account = owner?.Name ?? p.AccountId,
        title = p.Title,
        status = p.Status,
        state = p.State.ToString().ToLowerInvariant(),
        size = p.SizeBytes,
        created = p.Created,
        updated = p.Updated,
    };
}
