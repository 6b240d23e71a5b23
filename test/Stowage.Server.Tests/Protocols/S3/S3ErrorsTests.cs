using System.Reflection;
using Stowage.Core.Errors;
using Stowage.Server.Protocols.S3;

namespace Stowage.Server.Tests.Protocols.S3;

/// <summary>The S3 door's rendering of the catalogue (docs/protocols/s3.md, "Errors").</summary>
public sealed class S3ErrorsTests
{
    private static readonly IReadOnlyList<ErrorCode> Core =
        [.. typeof(StowageErrors).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (ErrorCode)f.GetValue(null)!)];

    // Rules of the Sessions API that no S3 request reaches; S3 renders them by kind should one ever arrive.
    private static readonly string[] SessionsOnly =
    [
        "invalid_upload_id", "invalid_filename", "invalid_content_range", "chunk_length_mismatch",
        "upload_id_or_download_link_required", "provide_either_upload_id_or_download_link", "project_creation_failed",
        "invalid_download_link", "download_link_forbidden", "insufficient_scope", "project_limit_reached",
        "upload_session_not_found", "file_not_found", "project_not_found", "project_file_not_found",
        "non_contiguous_chunk", "upload_in_progress", "extension_not_allowed",
    ];

    [Fact]
    public void EveryCoreEntry_ReachableFromS3_HasAnS3CodeOfItsOwn()
    {
        // A new core entry must be given its S3 code here, or be named Sessions-only above: a decision, not an accident.
        Core.Where(e => !S3Errors.IsMapped(e)).Select(e => e.Code).Order().ShouldBe(SessionsOnly.Order());
    }

    [Fact]
    public void EveryCoreEntry_RendersAsAnS3CodeAndAnErrorStatus()
    {
        foreach (var error in Core)
        {
            var wire = S3Errors.WireOf(error);
            wire.Code.ShouldMatch("^[A-Z][A-Za-z0-9]+$", error.Code);
            wire.Status.ShouldBeInRange(400, 599, error.Code);
            wire.Message.ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Theory]
    [InlineData("storage_quota_exceeded", "QuotaExceeded", 403)]
    [InlineData("file_too_large", "EntityTooLarge", 400)]
    [InlineData("part_too_small", "EntityTooSmall", 400)]
    [InlineData("object_not_found", "NoSuchKey", 404)]
    [InlineData("bucket_not_found", "NoSuchBucket", 404)]
    [InlineData("multipart_upload_not_found", "NoSuchUpload", 404)]
    [InlineData("invalid_field", "InvalidArgument", 400)]
    [InlineData("checksum_mismatch", "BadDigest", 400)]
    [InlineData("invalid_api_key", "InvalidAccessKeyId", 403)]
    [InlineData("credential_expired", "ExpiredToken", 400)]
    [InlineData("length_required", "MissingContentLength", 411)]
    [InlineData("insufficient_storage", "InsufficientStorage", 507)]
    [InlineData("internal_error", "InternalError", 500)]
    [InlineData("upload_session_not_found", "NoSuchKey", 404)]
    [InlineData("insufficient_scope", "AccessDenied", 403)]
    [InlineData("tariff_forbids_upload", "AccessDenied", 403)]
    public void CoreEntry_RendersAsS3Does(string code, string s3Code, int status)
    {
        var wire = S3Errors.WireOf(Core.Single(e => e.Code == code));

        wire.Code.ShouldBe(s3Code);
        wire.Status.ShouldBe(status);
    }

    [Fact]
    public void DoorEntries_RenderAsThemselves()
    {
        ErrorCode[] own =
        [
            S3Errors.SignatureDoesNotMatch, S3Errors.RequestTimeTooSkewed, S3Errors.AuthorizationHeaderMalformed,
            S3Errors.AuthorizationQueryParametersError, S3Errors.XAmzContentSha256Mismatch, S3Errors.InvalidEncryptionAlgorithm,
            S3Errors.InvalidUri, S3Errors.MethodNotAllowed, S3Errors.PreconditionFailed, S3Errors.InvalidRange, S3Errors.NotImplemented,
        ];
        foreach (var error in own)
        {
            S3Errors.WireOf(error).Code.ShouldBe(error.Code);
        }

        S3Errors.WireOf(S3Errors.SignatureDoesNotMatch).Status.ShouldBe(403);
        S3Errors.WireOf(S3Errors.InvalidRange).Status.ShouldBe(416);
    }
}
