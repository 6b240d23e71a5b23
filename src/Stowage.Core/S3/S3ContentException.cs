using Stowage.Core.Errors;

namespace Stowage.Core.S3;

/// <summary>
/// Thrown from inside a request body stream when the bytes turn out to be unacceptable (a Content-MD5 or
/// checksum mismatch, a body above the size limit, a bad aws-chunked chunk signature, a payload SHA-256
/// mismatch). Throwing, rather than returning, is what makes the blob store discard its temporary file, so
/// nothing of the object becomes visible; the S3 services catch it and return its <see cref="Failure"/>.
/// </summary>
public class S3ContentException : Exception
{
    public S3ContentException(Failure failure)
        : base(Checked(failure).Message) => Failure = failure;

    public S3ContentException(Failure failure, Exception innerException)
        : base(Checked(failure).Message, innerException) => Failure = failure;

    public Failure Failure { get; }

    private static Failure Checked(Failure failure) => failure ?? throw new ArgumentNullException(nameof(failure));
}
