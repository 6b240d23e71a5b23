using Stowage.Core.Common;

namespace Stowage.Core.Uploads;

/// <summary>Upload ids: opaque tokens (seed 004) of 22 base62 characters, i.e. 131 bits of randomness.</summary>
public static class UploadIds
{
    public const int Length = 22;

    public static string New() => RandomIds.Base62(Length);

    /// <summary>Well-formed ids are 16 to 64 base62 characters; anything else is 400 invalid_upload_id.</summary>
    public static bool IsWellFormed(string? id) => id is { Length: >= 16 and <= 64 } && RandomIds.IsBase62(id);
}
