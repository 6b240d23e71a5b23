namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>
/// The tests' own Python: artifacts/test-venv, which scripts/install-test-deps.sh (run by test.sh) fills with exactly
/// the packages pinned in S3/clients/requirements.txt. Tests run it by path, never whichever python3 is first on PATH,
/// and assert the versions pinned there.
/// </summary>
public static class TestPython
{
    private static readonly Lazy<Dictionary<string, string>> Pins = new(ReadPins);

    public static string RequirementsFile => Path.Combine(RepoPaths.Root, "test", "Stowage.FunctionalTests", "S3", "clients", "requirements.txt");

    /// <summary>The venv's interpreter; fails with what to run when the venv has not been made.</summary>
    public static string Interpreter
    {
        get
        {
            var path = Path.Combine(RepoPaths.Root, "artifacts", "test-venv", "bin", "python");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The tests' Python venv is missing: run scripts/install-test-deps.sh (test.sh does). Looked for {path}.");
        }
    }

    /// <summary>The version requirements.txt pins for <paramref name="package"/> (e.g. "1.43.11" for boto3).</summary>
    public static string PinnedVersion(string package) =>
        Pins.Value.TryGetValue(package, out var version)
            ? version
            : throw new InvalidOperationException($"{RequirementsFile} pins no {package}.");

    private static Dictionary<string, string> ReadPins()
    {
        var pins = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadLines(RequirementsFile))
        {
            var text = line.Split('#', 2)[0].Trim();
            var parts = text.Split("==", 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2)
            {
                pins[parts[0]] = parts[1];
            }
        }

        return pins;
    }
}
