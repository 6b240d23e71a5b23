namespace Stowage.Core.Errors;

/// <summary>
/// The core's error catalogue: every failure a core rule can return, whatever door the request came in by.
/// Codes are snake_case and stable. The Sessions API was the first door, so the codes it puts on the wire
/// (seed 004, "Endpoints", and what its clients were seen to handle) are the codes of the same meaning here;
/// the S3 door maps each entry to S3's own code and status (docs/protocols/s3.md, "Errors"), and later doors
/// do the same. Entries marked "Stowage" are ours and documented in docs/protocols/sessions.md.
/// </summary>
public static class StowageErrors
{
    // Invalid input
    public static readonly ErrorCode InvalidUploadId = new("invalid_upload_id", ErrorKind.Invalid, "The upload id is malformed.");
    public static readonly ErrorCode InvalidFilename = new("invalid_filename", ErrorKind.Invalid, "The file name is empty, too long or has nothing left after unsafe characters are stripped.");
    public static readonly ErrorCode InvalidContentRange = new("invalid_content_range", ErrorKind.Invalid, "Content-Range must be 'bytes <start>-<end>/<total>' with start <= end < total.");
    public static readonly ErrorCode ChunkLengthMismatch = new("chunk_length_mismatch", ErrorKind.Invalid, "The body length does not equal end - start + 1 of Content-Range.");
    public static readonly ErrorCode IncompleteBody = new("incomplete_body", ErrorKind.Invalid, "The request body ended early; the bytes that arrived are kept: resume from 'received'."); // Stowage
    public static readonly ErrorCode UploadIdOrDownloadLinkRequired = new("upload_id_or_download_link_required", ErrorKind.Invalid, "Provide upload_id or download_link.");
    public static readonly ErrorCode ProvideEitherUploadIdOrDownloadLink = new("provide_either_upload_id_or_download_link", ErrorKind.Invalid, "Provide upload_id or download_link, not both.");
    public static readonly ErrorCode ProjectCreationFailed = new("project_creation_failed", ErrorKind.Invalid, "The session has a file that is not fully uploaded yet, or no file at all.");
    public static readonly ErrorCode InvalidField = new("invalid_field", ErrorKind.Invalid, "A field has a value this endpoint does not accept."); // Stowage
    public static readonly ErrorCode InvalidRequest = new("invalid_request", ErrorKind.Invalid, "The request is not valid."); // Stowage
    public static readonly ErrorCode MalformedBody = new("malformed_body", ErrorKind.Invalid, "The request body is not the document this operation expects."); // Stowage
    public static readonly ErrorCode InvalidDownloadLink = new("invalid_download_link", ErrorKind.Invalid, "download_link must be an absolute http or https URL."); // Stowage
    public static readonly ErrorCode DownloadLinkForbidden = new("download_link_forbidden", ErrorKind.Invalid, "download_link points at an address this server may not fetch (loopback, private or link-local)."); // Stowage
    public static readonly ErrorCode InvalidBucketName = new("invalid_bucket_name", ErrorKind.Invalid, "The bucket name is not valid."); // Stowage
    public static readonly ErrorCode ChecksumMismatch = new("checksum_mismatch", ErrorKind.Invalid, "The checksum sent with the content does not match the content received."); // Stowage
    public static readonly ErrorCode InvalidChecksum = new("invalid_checksum", ErrorKind.Invalid, "The checksum sent with the content is not well-formed."); // Stowage
    public static readonly ErrorCode InvalidPart = new("invalid_part", ErrorKind.Invalid, "A listed part was not uploaded, or its ETag does not match."); // Stowage
    public static readonly ErrorCode InvalidPartOrder = new("invalid_part_order", ErrorKind.Invalid, "The list of parts is not in ascending order of part number."); // Stowage
    public static readonly ErrorCode PartTooSmall = new("part_too_small", ErrorKind.Invalid, "A part other than the last is smaller than the minimum part size."); // Stowage

    // Authentication
    public static readonly ErrorCode InvalidApiKey = new("invalid_api_key", ErrorKind.Unauthenticated, "The API key is unknown or revoked.");
    public static readonly ErrorCode InvalidCredential = new("invalid_credential", ErrorKind.Unauthenticated, "The temporary credential is malformed or was not issued by this server."); // Stowage
    public static readonly ErrorCode CredentialExpired = new("credential_expired", ErrorKind.Unauthenticated, "The temporary credential has expired."); // Stowage

    // Quota and permissions
    public static readonly ErrorCode StorageQuotaExceeded = new("storage_quota_exceeded", ErrorKind.QuotaExceeded, "The account's storage quota would be exceeded.");
    public static readonly ErrorCode TariffForbidsUpload = new("tariff_forbids_upload", ErrorKind.Forbidden, "This account is not allowed to upload.");
    public static readonly ErrorCode InsufficientScope = new("insufficient_scope", ErrorKind.Forbidden, "The API key lacks the scope this endpoint needs.");
    public static readonly ErrorCode ProjectLimitReached = new("project_limit_reached", ErrorKind.Forbidden, "The account has reached its number of projects.");
    public static readonly ErrorCode AccessDenied = new("access_denied", ErrorKind.Forbidden, "The credential may not do this to this resource."); // Stowage

    // Not found
    public static readonly ErrorCode UploadSessionNotFound = new("upload_session_not_found", ErrorKind.NotFound, "No such upload session (it may have expired or become a project).");
    public static readonly ErrorCode FileNotFound = new("file_not_found", ErrorKind.NotFound, "No such file in this upload session.");
    public static readonly ErrorCode ProjectNotFound = new("project_not_found", ErrorKind.NotFound, "No such project."); // Stowage
    public static readonly ErrorCode ProjectFileNotFound = new("project_file_not_found", ErrorKind.NotFound, "No such file in this project."); // Stowage
    public static readonly ErrorCode BucketNotFound = new("bucket_not_found", ErrorKind.NotFound, "No such bucket."); // Stowage
    public static readonly ErrorCode ObjectNotFound = new("object_not_found", ErrorKind.NotFound, "No such object."); // Stowage
    public static readonly ErrorCode MultipartUploadNotFound = new("multipart_upload_not_found", ErrorKind.NotFound, "No such multipart upload (it may have been completed or aborted)."); // Stowage

    // Conflicts and limits
    public static readonly ErrorCode NonContiguousChunk = new("non_contiguous_chunk", ErrorKind.Conflict, "The chunk does not start at or before the bytes received so far; resume from 'received'.");
    public static readonly ErrorCode UploadInProgress = new("upload_in_progress", ErrorKind.Conflict, "Another request is writing this file right now; retry after it ends, from 'received'."); // Stowage
    public static readonly ErrorCode BucketAlreadyExists = new("bucket_already_exists", ErrorKind.Conflict, "The bucket name is taken."); // Stowage
    public static readonly ErrorCode LengthRequired = new("length_required", ErrorKind.LengthRequired, "A whole-file PUT needs a Content-Length.");
    public static readonly ErrorCode FileTooLarge = new("file_too_large", ErrorKind.TooLarge, "The file is larger than the per-file limit.");
    public static readonly ErrorCode SessionTooLarge = new("session_too_large", ErrorKind.TooLarge, "The session would be larger than the per-session limit.");
    public static readonly ErrorCode ExtensionNotAllowed = new("extension_not_allowed", ErrorKind.UnsupportedType, "Files with this extension are not accepted.");
    public static readonly ErrorCode RateLimited = new("rate_limited", ErrorKind.RateLimited, "Too many requests; retry after the Retry-After seconds.");

    // The server
    public static readonly ErrorCode Internal = new("internal_error", ErrorKind.Internal, "The server failed; the request may be retried."); // Stowage
    public static readonly ErrorCode Busy = new("busy", ErrorKind.Unavailable, "Another request is changing this resource right now; retry."); // Stowage
    public static readonly ErrorCode StorageUnavailable = new("storage_unavailable", ErrorKind.Unavailable, "The storage backend failed; the request may be retried."); // Stowage
    public static readonly ErrorCode InsufficientStorage = new("insufficient_storage", ErrorKind.StorageFull, "The server's storage is full; delete sessions or wait, then retry. Bytes already received are kept."); // Stowage
}
