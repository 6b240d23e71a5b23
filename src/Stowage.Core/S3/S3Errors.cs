using Stowage.Core.Errors;

namespace Stowage.Core.S3;

/// <summary>
/// The S3 part of the error catalogue. Codes and statuses are S3's own
/// (docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList), because S3 clients
/// branch on them; the S3 front door renders them as <c>&lt;Error&gt;&lt;Code&gt;</c>.
/// </summary>
public static class S3Errors
{
    // 400
    public static readonly ErrorCode QuotaExceeded = new("QuotaExceeded", 403, "The account's storage quota would be exceeded.");
    public static readonly ErrorCode BadDigest = new("BadDigest", 400, "The Content-MD5 or checksum you specified did not match what we received.");
    public static readonly ErrorCode EntityTooSmall = new("EntityTooSmall", 400, "Your proposed upload is smaller than the minimum allowed object size.");
    public static readonly ErrorCode EntityTooLarge = new("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed object size.");
    public static readonly ErrorCode IncompleteBody = new("IncompleteBody", 400, "You did not provide the number of bytes specified by the Content-Length HTTP header.");
    public static readonly ErrorCode InvalidArgument = new("InvalidArgument", 400, "Invalid Argument");
    public static readonly ErrorCode InvalidBucketName = new("InvalidBucketName", 400, "The specified bucket is not valid.");
    public static readonly ErrorCode InvalidDigest = new("InvalidDigest", 400, "The Content-MD5 or checksum you specified is not valid.");
    public static readonly ErrorCode InvalidPart = new("InvalidPart", 400, "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.");
    public static readonly ErrorCode InvalidPartOrder = new("InvalidPartOrder", 400, "The list of parts was not in ascending order. The parts list must be specified in order by part number.");
    public static readonly ErrorCode InvalidUri = new("InvalidURI", 400, "Couldn't parse the specified URI.");
    public static readonly ErrorCode InvalidRequest = new("InvalidRequest", 400, "The request is not valid.");
    public static readonly ErrorCode MalformedXml = new("MalformedXML", 400, "The XML you provided was not well-formed or did not validate against our published schema.");
    public static readonly ErrorCode RequestTimeTooSkewed = new("RequestTimeTooSkewed", 403, "The difference between the request time and the server's time is too large.");
    public static readonly ErrorCode XAmzContentSha256Mismatch = new("XAmzContentSHA256Mismatch", 400, "The provided 'x-amz-content-sha256' header does not match what was computed.");
    public static readonly ErrorCode InvalidToken = new("InvalidToken", 400, "The provided token is malformed or otherwise invalid.");
    public static readonly ErrorCode ExpiredToken = new("ExpiredToken", 400, "The provided token has expired.");
    public static readonly ErrorCode AuthorizationHeaderMalformed = new("AuthorizationHeaderMalformed", 400, "The authorization header is malformed.");
    public static readonly ErrorCode AuthorizationQueryParametersError = new("AuthorizationQueryParametersError", 400, "Error parsing the X-Amz-Credential parameter or the presigned query.");
    public static readonly ErrorCode InvalidEncryptionAlgorithm = new("InvalidEncryptionAlgorithmError", 400, "The encryption request you specified is not valid.");

    // 403
    public static readonly ErrorCode AccessDenied = new("AccessDenied", 403, "Access Denied");
    public static readonly ErrorCode SignatureDoesNotMatch = new("SignatureDoesNotMatch", 403, "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
    public static readonly ErrorCode InvalidAccessKeyId = new("InvalidAccessKeyId", 403, "The AWS Access Key Id you provided does not exist in our records.");

    // 404
    public static readonly ErrorCode NoSuchBucket = new("NoSuchBucket", 404, "The specified bucket does not exist.");
    public static readonly ErrorCode NoSuchKey = new("NoSuchKey", 404, "The specified key does not exist.");
    public static readonly ErrorCode NoSuchUpload = new("NoSuchUpload", 404, "The specified multipart upload does not exist. The upload ID might be invalid, or the multipart upload might have been aborted or completed.");

    // 405, 409, 411, 412, 416
    public static readonly ErrorCode MethodNotAllowed = new("MethodNotAllowed", 405, "The specified method is not allowed against this resource.");
    public static readonly ErrorCode BucketAlreadyExists = new("BucketAlreadyExists", 409, "The requested bucket name is not available.");
    public static readonly ErrorCode MissingContentLength = new("MissingContentLength", 411, "You must provide the Content-Length HTTP header.");
    public static readonly ErrorCode PreconditionFailed = new("PreconditionFailed", 412, "At least one of the preconditions you specified did not hold.");
    public static readonly ErrorCode InvalidRange = new("InvalidRange", 416, "The requested range is not satisfiable.");

    // 5xx
    public static readonly ErrorCode InternalError = new("InternalError", 500, "We encountered an internal error. Please try again.");
    public static readonly ErrorCode NotImplemented = new("NotImplemented", 501, "A header or query you provided implies functionality that is not implemented.");
    public static readonly ErrorCode ServiceUnavailable = new("ServiceUnavailable", 503, "Reduce your request rate or retry.");

    /// <summary>
    /// Stowage's: AWS has no such case. 507 as minio answers a full drive (its code is XMinioStorageFull); SDKs do
    /// not retry a 507, which is right, since only a deletion helps (docs/protocols/s3.md, "A full disk").
    /// </summary>
    public static readonly ErrorCode InsufficientStorage = new("InsufficientStorage", 507, "The server's storage is full. Delete objects or abort multipart uploads to free space, then retry.");
}
