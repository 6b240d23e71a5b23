namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>
/// Where the repository and the built server are. The tests run the CLI's Release build, which
/// test.sh builds before running them; a Debug build is the fallback for a developer's inner loop.
/// </summary>
public static class RepoPaths
{
    private const string SolutionFile = "Stowage.slnx";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string CliDll
    {
        get
        {
            foreach (var configuration in new[] { "Release", "Debug" })
            {
                var path = Path.Combine(Root, "src", "Stowage.Cli", "bin", configuration, "net10.0", "stowage.dll");
                if (File.Exists(path))
                {
                    return path;
                }
            }

            throw new FileNotFoundException(
                "The server is not built: run 'dotnet build src/Stowage.Cli -c Release' (test.sh does) before the functional tests.");
        }
    }

    /// <summary>The seed-004 Python client, copied next to the test assembly by the project file.</summary>
    public static string PythonClient => Path.Combine(AppContext.BaseDirectory, "python", "stowage_client.py");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }

            directory = directory.Parent;
        }

        throw new DirectoryNotFoundException($"No {SolutionFile} above {AppContext.BaseDirectory}.");
    }
}
