namespace Stowage.Core.Uploads;

internal enum CopyEnd
{
    /// <summary>Exactly the expected bytes arrived.</summary>
    Complete,

    /// <summary>The connection failed or was aborted before all bytes arrived.</summary>
    SourceFailed,

    /// <summary>A chunked-encoding body ended before the expected length.</summary>
    ShortBody,

    /// <summary>A chunked-encoding body carried more than the expected length.</summary>
    LongBody,
}
