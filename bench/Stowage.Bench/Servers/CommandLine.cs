using System.Diagnostics;

namespace Stowage.Bench.Servers;

/// <summary>An executable and its leading arguments, split on spaces (no quoting: keep paths space-free).</summary>
internal sealed record CommandLine(string FileName, IReadOnlyList<string> Arguments)
{
    public static CommandLine Parse(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            throw new ArgumentException("empty command", nameof(text));
        }

        return new CommandLine(parts[0], parts[1..]);
    }

    public CommandLine With(params string[] more) => new(FileName, [.. Arguments, .. more]);

    /// <summary>Whether the executable exists (a path) or is on PATH (a bare name).</summary>
    public bool Exists()
    {
        if (FileName.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(FileName);
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries).Any(dir => File.Exists(Path.Combine(dir, FileName)));
    }

    /// <summary>How the harness starts every child: no shell, all three streams redirected, extra environment.</summary>
    public ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(FileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    public override string ToString() => string.Join(' ', [FileName, .. Arguments]);
}
