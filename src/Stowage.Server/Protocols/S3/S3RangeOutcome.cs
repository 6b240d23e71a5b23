namespace Stowage.Server.Protocols.S3;

/// <summary>The outcome of reading a Range header: a range, the whole object (null range), or unsatisfiable.</summary>
internal readonly record struct S3RangeOutcome(S3Range? Range, bool IsUnsatisfiable)
{
    public static S3RangeOutcome Whole => new(null, false);

    public static S3RangeOutcome Unsatisfiable => new(null, true);
}
