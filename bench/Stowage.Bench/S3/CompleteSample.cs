namespace Stowage.Bench.S3;

/// <summary>One timed CompleteMultipartUpload; the parts' upload before it is reported, not judged.</summary>
internal sealed record CompleteSample(int Round, int Parts, long PartBytes, double CompleteMilliseconds, double PartsSeconds);
