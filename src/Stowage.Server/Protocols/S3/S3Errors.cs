using Stowage.Core.Errors;

namespace Stowage.Server.Protocols.S3;

/// <summary>
/// The S3 door's side of the error catalogue. S3 clients branch on S3's own codes and statuses
/// (docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList), so every core error
/// (<see cref="StowageErrors"/>) is rendered as the S3 code of the same meaning, and the failures only this
/// door can have (a signature, an S3 header, the XML) are entries of its own, coded as S3 codes them.
/// docs/protocols/s3.md, "Errors", lists the mapping.
/// </summary>
internal static class S3Errors
{
    private static readonly Dictionary<ErrorCode, S3WireError> Wire = [];

    // The door's own failures: their code is S3's.
    public static readonly ErrorCode SignatureDoesNotMatch = Own("SignatureDoesNotMatch", ErrorKind.Forbidden, 403, "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
    public static readonly ErrorCode RequestTimeTooSkewed = Own("RequestTimeTooSkewed", ErrorKind.Forbidden, 403, "The difference between the request time and the server's time is too large.");
    public static readonly ErrorCode AuthorizationHeaderMalformed = Own("AuthorizationHeaderMalformed", ErrorKind.Invalid, 400, "The authorization header is malformed.");
    public static readonly ErrorCode AuthorizationQueryParametersError = Own("AuthorizationQueryParametersError", ErrorKind.Invalid, 400, "Error parsing the X-Amz-Credential parameter or the presigned query.");
    public static readonly ErrorCode XAmzContentSha256Mismatch = Own("XAmzContentSHA256Mismatch", ErrorKind.Invalid, 400, "The provided 'x-amz-content-sha256' header does not match what was computed.");
    public static readonly ErrorCode InvalidEncryptionAlgorithm = Own("InvalidEncryptionAlgorithmError", ErrorKind.Invalid, 400, "The encryption request you specified is not valid.");
    public static readonly ErrorCode InvalidUri = Own("InvalidURI", ErrorKind.Invalid, 400, "Couldn't parse the specified URI.");
    public static readonly ErrorCode MethodNotAllowed = Own("MethodNotAllowed", ErrorKind.MethodNotAllowed, 405, "The specified method is not allowed against this resource.");
    public static readonly ErrorCode PreconditionFailed = Own("PreconditionFailed", ErrorKind.PreconditionFailed, 412, "At least one of the preconditions you specified did not hold.");
    public static readonly ErrorCode InvalidRange = Own("InvalidRange", ErrorKind.RangeNotSatisfiable, 416, "The requested range is not satisfiable.");
    public static readonly ErrorCode NotImplemented = Own("NotImplemented", ErrorKind.NotImplemented, 501, "A header or query you provided implies functionality that is not implemented.");

    static S3Errors()
    {
        Map(StowageErrors.InvalidField, "InvalidArgument", 400, "Invalid Argument");
        Map(StowageErrors.InvalidRequest, "InvalidRequest", 400, "The request is not valid.");
        Map(StowageErrors.MalformedBody, "MalformedXML", 400, "The XML you provided was not well-formed or did not validate against our published schema.");
        Map(StowageErrors.IncompleteBody, "IncompleteBody", 400, "You did not provide the number of bytes specified by the Content-Length HTTP header.");
        Map(StowageErrors.InvalidBucketName, "InvalidBucketName", 400, "The specified bucket is not valid.");
        Map(StowageErrors.ChecksumMismatch, "BadDigest", 400, "The Content-MD5 or checksum you specified did not match what we received.");
        Map(StowageErrors.InvalidChecksum, "InvalidDigest", 400, "The Content-MD5 or checksum you specified is not valid.");
        Map(StowageErrors.InvalidPart, "InvalidPart", 400, "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.");
        Map(StowageErrors.InvalidPartOrder, "InvalidPartOrder", 400, "The list of parts was not in ascending order. The parts list must be specified in order by part number.");
        Map(StowageErrors.PartTooSmall, "EntityTooSmall", 400, "Your proposed upload is smaller than the minimum allowed object size.");
        Map(StowageErrors.FileTooLarge, "EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed object size.");
        Map(StowageErrors.SessionTooLarge, "EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed object size.");
        Map(StowageErrors.InvalidCredential, "InvalidToken", 400, "The provided token is malformed or otherwise invalid.");
        Map(StowageErrors.CredentialExpired, "ExpiredToken", 400, "The provided token has expired.");
        Map(StowageErrors.InvalidApiKey, "InvalidAccessKeyId", 403, "The AWS Access Key Id you provided does not exist in our records.");
        Map(StowageErrors.AccessDenied, "AccessDenied", 403, "Access Denied");
        Map(StowageErrors.TariffForbidsUpload, "AccessDenied", 403, "This account is not allowed to upload.");
        Map(StowageErrors.StorageQuotaExceeded, "QuotaExceeded", 403, "The account's storage quota would be exceeded.");
        Map(StowageErrors.BucketNotFound, "NoSuchBucket", 404, "The specified bucket does not exist.");
        Map(StowageErrors.ObjectNotFound, "NoSuchKey", 404, "The specified key does not exist.");
        Map(StowageErrors.MultipartUploadNotFound, "NoSuchUpload", 404, "The specified multipart upload does not exist. The upload ID might be invalid, or the multipart upload might have been aborted or completed.");
        Map(StowageErrors.BucketAlreadyExists, "BucketAlreadyExists", 409, "The requested bucket name is not available.");
        Map(StowageErrors.LengthRequired, "MissingContentLength", 411, "You must provide the Content-Length HTTP header.");
        Map(StowageErrors.RateLimited, "SlowDown", 503, "Please reduce your request rate.");
        Map(StowageErrors.Internal, "InternalError", 500, "We encountered an internal error. Please try again.");
        Map(StowageErrors.Busy, "ServiceUnavailable", 503, "Reduce your request rate or retry.");
        Map(StowageErrors.StorageUnavailable, "ServiceUnavailable", 503, "Reduce your request rate or retry.");

        // Stowage's: AWS has no such case. 507 as minio answers a full drive (its code is XMinioStorageFull); SDKs do
        // not retry a 507, which is right, since only a deletion helps (docs/protocols/s3.md, "A full disk").
        Map(StowageErrors.InsufficientStorage, "InsufficientStorage", 507, "The server's storage is full. Delete objects or abort multipart uploads to free space, then retry.");
    }

    /// <summary>
    /// The S3 code, status and message of an error. A core error without an S3 counterpart of its own (a Sessions
    /// rule no S3 request reaches) is rendered by its kind, as the S3 code of that meaning.
    /// </summary>
    public static S3WireError WireOf(ErrorCode error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Wire.TryGetValue(error, out var wire) ? wire : ByKind(error);
    }

    /// <summary>Whether the error has an S3 rendering of its own rather than one by its kind (for tests of the map).</summary>
    public static bool IsMapped(ErrorCode error) => Wire.ContainsKey(error);

    private static S3WireError ByKind(ErrorCode error) => error.Kind switch
    {
        ErrorKind.Invalid => new("InvalidArgument", 400, error.Message),
        ErrorKind.Unauthenticated or ErrorKind.Forbidden => new("AccessDenied", 403, error.Message),
        ErrorKind.QuotaExceeded => new("QuotaExceeded", 403, error.Message),
        ErrorKind.NotFound => new("NoSuchKey", 404, error.Message),
        ErrorKind.MethodNotAllowed => new("MethodNotAllowed", 405, error.Message),
        ErrorKind.Conflict => new("OperationAborted", 409, error.Message),
        ErrorKind.LengthRequired => new("MissingContentLength", 411, error.Message),
        ErrorKind.PreconditionFailed => new("PreconditionFailed", 412, error.Message),
        ErrorKind.TooLarge => new("EntityTooLarge", 400, error.Message),
        ErrorKind.UnsupportedType => new("InvalidArgument", 400, error.Message),
        ErrorKind.RangeNotSatisfiable => new("InvalidRange", 416, error.Message),
        ErrorKind.RateLimited => new("SlowDown", 503, error.Message),
        ErrorKind.NotImplemented => new("NotImplemented", 501, error.Message),
        ErrorKind.Unavailable => new("ServiceUnavailable", 503, error.Message),
        ErrorKind.StorageFull => new("InsufficientStorage", 507, error.Message),
        _ => new("InternalError", 500, error.Message),
    };

    private static ErrorCode Own(string code, ErrorKind kind, int status, string message)
    {
        var error = new ErrorCode(code, kind, message);
        Wire[error] = new S3WireError(code, status, message);
        return error;
    }

    private static void Map(ErrorCode error, string code, int status, string message) => Wire[error] = new S3WireError(code, status, message);
}
