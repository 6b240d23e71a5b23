namespace Stowage.Core.Uploads;

/// <summary>Where the Sessions API's bytes live in the blob store (the other protocols see the same objects).</summary>
public static class ObjectKeys
{
    public static string SessionFile(string uploadId, string flatName) => $"sessions/{uploadId}/{flatName}";

    /// <summary>An uploaded (flat-named) file of a project.</summary>
    public static string ProjectFile(string projectName, string flatName) => $"projects/{projectName}/{flatName}";

    /// <summary>
    /// An entry unpacked from a project's archive. Flat names hold no '/', so this prefix cannot collide
    /// with an uploaded file, even one named "extracted" or like an entry inside the archive.
    /// </summary>
    public static string ExtractedFile(string projectName, string path) => $"projects/{projectName}/extracted/{path}";
}
