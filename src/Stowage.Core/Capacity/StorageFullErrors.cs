namespace Stowage.Core.Capacity;

/// <summary>
/// The operating system's "no space" errors, as .NET reports them. On Linux and macOS an
/// <see cref="IOException"/>'s HResult is the errno (the runtime's own I/O and the file-system store's native
/// calls both do this): ENOSPC is 28 everywhere, EDQUOT (a disk quota) is 122 on Linux and 69 on macOS. On
/// Windows it is the HRESULT of ERROR_DISK_FULL (112) or ERROR_HANDLE_DISK_FULL (39).
/// </summary>
public static class StorageFullErrors
{
    private const int Enospc = 28;
    private const int EdquotLinux = 122;
    private const int EdquotMacOs = 69;
    private const int ErrorDiskFull = unchecked((int)0x80070070);
    private const int ErrorHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>How deep wrapped exceptions are searched; real chains are two or three long.</summary>
    private const int MaxDepth = 8;

    /// <summary>True when <paramref name="exception"/> or one it wraps is the operating system's "no space left".</summary>
    public static bool IsOutOfSpace(Exception? exception) => Any(exception, static e => e is IOException io && IsOutOfSpace(io.HResult), 0);

    /// <summary>True when <paramref name="exception"/> or one it wraps satisfies <paramref name="test"/>.</summary>
    public static bool Any(Exception? exception, Func<Exception, bool> test) => Any(exception, test, 0);

    private static bool Any(Exception? exception, Func<Exception, bool> test, int depth)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (exception is null || depth > MaxDepth)
        {
            return false;
        }

        if (test(exception))
        {
            return true;
        }

        return exception is AggregateException aggregate
            ? aggregate.InnerExceptions.Any(e => Any(e, test, depth + 1))
            : Any(exception.InnerException, test, depth + 1);
    }

    private static bool IsOutOfSpace(int hresult)
    {
        if (OperatingSystem.IsWindows())
        {
            return hresult is ErrorDiskFull or ErrorHandleDiskFull;
        }

        return hresult == Enospc || hresult == (OperatingSystem.IsMacOS() ? EdquotMacOs : EdquotLinux);
    }
}
