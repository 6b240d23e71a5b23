namespace Stowage.Core.Errors;

/// <summary>
/// The error catalogue. Codes and statuses follow the Sessions API reference (seed 004, "Endpoints"),
/// plus the codes a real client of that API was seen to handle (reference/vendor-apis.md, "Sessions API").
/// Codes marked "Stowage" are ours and documented in docs/protocols/sessions.md.
/// </summary>
public static class StowageErrors
{
    // 400
    public static readonly ErrorCode InvalidUploadId = new("invalid_upload_id", 400, "The upload id is malformed.");
    public static readonly ErrorCode InvalidFilename = new("invalid_filename", 400, "The file name is empty, too long or has nothing left after unsafe characters are stripped.");
    public static readonly ErrorCode InvalidContentRange = new("invalid_content_range", 400, "Content-Range must be 'bytes <start>-<end>/<total>' with start <= end < total.");
    public static readonly ErrorCode ChunkLengthMismatch = new("chunk_length_mismatch", 400, "The body length does not equal end - start + 1 of Content-Range.");
    public static readonly ErrorCode IncompleteBody = new("incomplete_body", 400, "The request body ended early; the bytes that arrived are kept: resume from 'received'."); // Stowage
    public static readonly ErrorCode UploadIdOrDownloadLinkRequired = new("upload_id_or_download_link_required", 400, "Provide upload_id or download_link.");
    public static readonly ErrorCode ProvideEitherUploadIdOrDownloadLink = new("provide_either_upload_id_or_download_link", 400, "Provide upload_id or download_link, not both.");
    public static readonly ErrorCode ProjectCreationFailed = new("project_creation_failed", 400, "The session has a file that is not fully uploaded yet, or no file at all.");
    public static readonly ErrorCode InvalidJson = new("invalid_json", 400, "The request body is not the JSON object this endpoint expects."); // Stowage
    public static readonly ErrorCode InvalidField = new("invalid_field", 400, "A field has a value this endpoint does not accept."); // Stowage
    public static readonly ErrorCode InvalidDownloadLink = new("invalid_download_link", 400, "download_link must be an absolute http or https URL."); // Stowage
    public static readonly ErrorCode DownloadLinkForbidden = new("download_link_forbidden", 400, "download_link points at an address this server may not fetch (loopback, private or link-local)."); // Stowage

    // 401
    public static readonly ErrorCode MissingBearerToken = new("missing_bearer_token", 401, "Send 'Authorization: Bearer sk_...'.");
    public static readonly ErrorCode InvalidApiKey = new("invalid_api_key", 401, "The API key is unknown or revoked.");

    // 402
    public static readonly ErrorCode StorageQuotaExceeded = new("storage_quota_exceeded", 402, "The account's storage quota would be exceeded.");

    // 403
    public static readonly ErrorCode TariffForbidsUpload = new("tariff_forbids_upload", 403, "This account is not allowed to upload.");
    public static readonly ErrorCode InsufficientScope = new("insufficient_scope", 403, "The API key lacks the scope this endpoint needs.");
    public static readonly ErrorCode ProjectLimitReached = new("project_limit_reached", 403, "The account has reached its number of projects.");

    // 404
    public static readonly ErrorCode UploadSessionNotFound = new("upload_session_not_found", 404, "No such upload session (it may have expired or become a project).");
    public static readonly ErrorCode FileNotFound = new("file_not_found", 404, "No such file in this upload session.");
    public static readonly ErrorCode ProjectNotFound = new("project_not_found", 404, "No such project."); // Stowage
    public static readonly ErrorCode ProjectFileNotFound = new("project_file_not_found", 404, "No such file in this project."); // Stowage
    public static readonly ErrorCode NotFound = new("not_found", 404, "No such endpoint."); // Stowage

    // 405, 409, 411, 413, 415, 429
    public static readonly ErrorCode MethodNotAllowed = new("method_not_allowed", 405, "This endpoint does not answer that method."); // Stowage
    public static readonly ErrorCode NonContiguousChunk = new("non_contiguous_chunk", 409, "The chunk does not start at or before the bytes received so far; resume from 'received'.");
    public static readonly ErrorCode UploadInProgress = new("upload_in_progress", 409, "Another request is writing this file right now; retry after it ends, from 'received'."); // Stowage
    public static readonly ErrorCode LengthRequired = new("length_required", 411, "A whole-file PUT needs a Content-Length.");
    public static readonly ErrorCode FileTooLarge = new("file_too_large", 413, "The file is larger than the per-file limit.");
    public static readonly ErrorCode SessionTooLarge = new("session_too_large", 413, "The session would be larger than the per-session limit.");
    public static readonly ErrorCode ExtensionNotAllowed = new("extension_not_allowed", 415, "Files with this extension are not accepted.");
    public static readonly ErrorCode RateLimited = new("rate_limited", 429, "Too many requests; retry after the Retry-After seconds.");

    // 5xx
    public static readonly ErrorCode Internal = new("internal_error", 500, "The server failed; the request may be retried."); // Stowage
    public static readonly ErrorCode InsufficientStorage = new("insufficient_storage", 507, "The server's storage is full; delete sessions or wait, then retry. Bytes already received are kept."); // Stowage
    public static readonly ErrorCode StorageUnavailable = new("storage_unavailable", 503, "The storage backend failed; the request may be retried."); // Stowage
}
