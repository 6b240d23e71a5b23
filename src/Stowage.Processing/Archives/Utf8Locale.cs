using System.Runtime.InteropServices;

namespace Stowage.Processing.Archives;

/// <summary>
/// libarchive converts entry names to the C library's current locale (archive_string.c), and a .NET process
/// never calls setlocale, so it runs in the "C" locale where non-ASCII names fail to convert and come back NULL.
/// Switching only the calling thread (POSIX uselocale) to C.UTF-8 around header reads keeps names intact
/// without changing the process-wide locale.
/// </summary>
internal static partial class Utf8Locale
{
    private const string LibC = "libc.so.6";
    private const int LcCtypeMask = 1 << 0; // LC_CTYPE_MASK: 1 << LC_CTYPE, and LC_CTYPE is 0 in glibc's <locale.h>

    private static readonly Lazy<nint> Handle = new(Create);

    /// <summary>Makes this thread's locale UTF-8; returns what <see cref="Exit"/> needs to restore it (0: nothing changed).</summary>
    public static nint Enter() => Handle.Value == nint.Zero ? nint.Zero : UseLocale(Handle.Value);

    public static void Exit(nint previous)
    {
        if (previous != nint.Zero)
        {
            UseLocale(previous);
        }
    }

    private static nint Create()
    {
        try
        {
            // Never freed: one locale object for the life of the process. C.UTF-8 is built into glibc 2.35+.
            return NewLocale(LcCtypeMask, "C.UTF-8", nint.Zero);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return nint.Zero; // not glibc: names stay whatever the default locale allows
        }
    }

    [LibraryImport(LibC, EntryPoint = "newlocale", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint NewLocale(int categoryMask, string locale, nint baseLocale);

    [LibraryImport(LibC, EntryPoint = "uselocale")]
    private static partial nint UseLocale(nint locale);
}
