namespace Stowage.Core.Storage;

/// <summary>
/// Optional ability of a blob store whose objects are files on this machine: tools that need a file
/// path (native archive readers) use it to avoid a temporary copy.
/// </summary>
public interface ILocalBlobAccess
{
    /// <summary>The object's file path, or null when the object does not exist.</summary>
    string? GetLocalPath(ObjectRef obj);
}
