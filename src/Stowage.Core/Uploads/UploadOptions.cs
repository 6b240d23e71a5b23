namespace Stowage.Core.Uploads;

/// <summary>Limits and behaviour of upload sessions; bound from "Stowage:Uploads".</summary>
public sealed class UploadOptions
{
    public const string Section = "Stowage:Uploads";

    /// <summary>Seed 004, POST /uploads: <c>"expires_in_seconds": 259200</c> (~72 h).</summary>
    public int SessionTtlSeconds { get; set; } = 259_200;

    /// <summary>
    /// Whether every accepted chunk restarts the session's expiry. The seed deletes "abandoned" sessions;
    /// a 10 GB upload over a bad network may well take longer than 72 h while never being abandoned.
    /// </summary>
    public bool SlidingExpiry { get; set; } = true;

    /// <summary>Per-file cap (413 file_too_large). 1 TiB: the product's largest captures are ~100 GB.</summary>
    public long MaxFileBytes { get; set; } = 1L << 40;

    /// <summary>Per-session cap (413 session_too_large). 2 TiB: a day's capture of several large scans.</summary>
    public long MaxSessionBytes { get; set; } = 2L << 40;

    /// <summary>Account quota used when the account sets none; null means unlimited (a self-hosted default).</summary>
    public long? DefaultQuotaBytes { get; set; }

    /// <summary>
    /// Lowercase extensions without dots. Default: the allow-list a deployment of the vendor API ships
    /// (reference/vendor-apis.md, "Sessions API"), plus tar and the camera RAW formats (seed 003's list)
    /// and common 360-video containers, which the product's captures use.
    /// </summary>
    public string[] AllowedExtensions { get; set; } =
    [
        "7z", "csv", "dat", "db", "e57", "exr", "frag", "glb", "gpx", "ifc", "jpeg", "jpg", "json", "kml", "kmz",
        "ksplat", "las", "laz", "lgs", "lgsx", "mp4", "mtl", "obj", "opt", "out", "pdf", "ply", "png", "pts", "ptx",
        "rad", "rar", "rmx", "sog", "splat", "spz", "stl", "tif", "tiff", "txt", "xyz", "zip",
        "tar", "mov", "insv", "insp", "heic",
        "dng", "nef", "cr2", "arw", "nrw", "crw", "srf", "sr2", "orf", "raw", "rw2", "raf", "pef", "rwl", "srw", "cr3", "3fr", "fff",
    ];

    /// <summary>The blob-store bucket holding session files and projects.</summary>
    public string Bucket { get; set; } = "stowage";

    /// <summary>
    /// How long a PUT waits for another PUT of the same file to finish before answering 409
    /// upload_in_progress. A client that lost its connection usually retries before the server has
    /// noticed the old request died; a short wait lets that retry through instead of bouncing it.
    /// </summary>
    public int LockWaitMilliseconds { get; set; } = 5_000;

    /// <summary>How often expired sessions are swept.</summary>
    public int SweepIntervalSeconds { get; set; } = 60;

    public IEnumerable<string> Validate()
    {
        if (SessionTtlSeconds <= 0)
        {
            yield return "SessionTtlSeconds must be positive.";
        }

        if (MaxFileBytes <= 0 || MaxSessionBytes <= 0)
        {
            yield return "MaxFileBytes and MaxSessionBytes must be positive.";
        }

        if (DefaultQuotaBytes is < 0)
        {
            yield return "DefaultQuotaBytes must not be negative.";
        }

        if (AllowedExtensions.Length == 0)
        {
            yield return "AllowedExtensions must not be empty.";
        }

        if (LockWaitMilliseconds < 0 || SweepIntervalSeconds <= 0)
        {
            yield return "LockWaitMilliseconds must not be negative and SweepIntervalSeconds must be positive.";
        }
    }
}
