using System.CommandLine;

namespace Stowage.Cli.Commands;

/// <summary>
/// The command tree. The scriptable contract (docs/operations.md) is stable: serve --data --urls;
/// keys create --data --name --scope [--account] --json; keys list; keys revoke ID; accounts list|set;
/// s3 buckets create|list; s3 credentials create [--bucket --key --ttl] --json|list|revoke; projects list|show|delete.
/// </summary>
internal static class StowageCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Stowage: a self-hosted upload gateway for large capture data.");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(AccountsCommand.Create());
        root.Subcommands.Add(ProjectsCommand.Create());
        root.Subcommands.Add(S3Command.Create());
        return root;
    }
}
