using System.CommandLine;
using Stowage.Server.Hosting;

namespace Stowage.Cli.Commands;

internal static class CommonOptions
{
    public static Option<string> Data() => new("--data")
    {
        Description = "The data directory (SQLite database and blobs).",
        DefaultValueFactory = _ => DataDirectory.DefaultPath,
    };

    public static Option<bool> Json() => new("--json") { Description = "Print JSON for scripts instead of text." };
}
