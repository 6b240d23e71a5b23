namespace Stowage.Bench.Cli;

/// <summary>How the tus client sends a small file.</summary>
internal static class TusModes
{
    /// <summary>POST with the body (tus creation-with-upload extension): one request per file.</summary>
    public const string CreationWithUpload = "creation-with-upload";

    /// <summary>POST to create, then one PATCH with the body: two requests per file.</summary>
    public const string PostPatch = "post-patch";
}
