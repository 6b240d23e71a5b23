using Microsoft.Extensions.Options;
using Stowage.Core.Uploads;

namespace Stowage.Core.Accounts;

/// <summary>
/// The one place that decides what a <see cref="Principal"/> may do and how much, whatever door it came in by
/// (Sessions API, S3, project downloads): its scopes, its account's permission to upload, what a temporary
/// credential may touch (AccountPolicy.Access.cs), and the account's limits — quota, per-file and per-session
/// caps, the extension allow-list — from the account's own setting, else the server-wide default from
/// configuration (<see cref="UploadOptions"/>). How fast is <see cref="RateLimiting.RateLimitPolicy"/>'s.
/// A rule written once per protocol would drift; these cannot.
/// </summary>
public sealed partial class AccountPolicy
{
    private readonly UploadOptions _options;
    private readonly HashSet<string> _extensions;

    public AccountPolicy(IOptions<UploadOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _extensions = new HashSet<string>(_options.AllowedExtensions.Select(NormalizeExtension), StringComparer.Ordinal);
    }

    /// <summary>The extensions accepted, as configured (shown to clients that send another).</summary>
    public IReadOnlyList<string> AllowedExtensions => _options.AllowedExtensions;

    /// <summary>Bytes the account may hold in all (sessions, projects and S3 objects); null for no quota.</summary>
    public long? QuotaOf(Account? account) => account?.QuotaBytes ?? _options.DefaultQuotaBytes;

    /// <summary>The largest file (or object) the account may store.</summary>
    public long MaxFileOf(Account? account) => account?.MaxFileBytes ?? _options.MaxFileBytes;

    /// <summary>The most an upload session of the account may hold.</summary>
    public long MaxSessionOf(Account? account) => account?.MaxSessionBytes ?? _options.MaxSessionBytes;

    /// <summary>Whether the account may write (<c>stowage accounts set NAME --upload-allowed</c>); an unknown account may not.</summary>
    public static bool MayUpload(Account? account) => account?.UploadAllowed ?? false;

    /// <summary>
    /// Whether files with this extension are accepted. Configured extensions and the one asked about compare
    /// the same way: without a leading dot, case-insensitively (".E57", "e57" and "E57" are one extension).
    /// </summary>
    public bool IsExtensionAllowed(string extension) => _extensions.Contains(NormalizeExtension(extension));

    private static string NormalizeExtension(string extension) => extension.TrimStart('.').ToLowerInvariant();
}
