namespace Stowage.Bench.Servers;

/// <summary>
/// Appends every server pid to a file that run.sh's exit trap reads, so that servers
/// are stopped even if this process is killed before it can stop them itself.
/// </summary>
internal sealed class PidRegistry(string path)
{
    private readonly Lock gate = new();

    public void Add(int pid)
    {
        lock (gate)
        {
            File.AppendAllText(path, pid.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n");
        }
    }
}
