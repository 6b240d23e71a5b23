using Stowage.Core.Checksums;

namespace Stowage.Core.S3;

/// <summary>One &lt;Part&gt; of a CompleteMultipartUpload body; ETag unquoted.</summary>
public sealed record CompletedPart(int PartNumber, string ETag, ChecksumValue? Checksum);
