namespace Stowage.Core.Storage;

/// <summary>
/// An object's address in the blob store: a bucket and a key, as S3 names them. Every byte Stowage
/// holds is an object; a resumable upload's file is segments composed into an object once complete.
/// </summary>
public readonly record struct ObjectRef(string Bucket, string Key)
{
    public override string ToString() => Bucket + "/" + Key;
}
