using System.Reflection;
using Stowage.Core.Errors;
using Stowage.Server.Protocols.Sessions;

namespace Stowage.Server.Tests.Protocols.Sessions;

/// <summary>The statuses of docs/protocols/sessions.md, "Error catalogue", as the Sessions door renders the core's entries.</summary>
public sealed class SessionsStatusTests
{
    [Theory]
    [InlineData("invalid_upload_id", 400)]
    [InlineData("invalid_filename", 400)]
    [InlineData("invalid_content_range", 400)]
    [InlineData("chunk_length_mismatch", 400)]
    [InlineData("incomplete_body", 400)]
    [InlineData("upload_id_or_download_link_required", 400)]
    [InlineData("provide_either_upload_id_or_download_link", 400)]
    [InlineData("project_creation_failed", 400)]
    [InlineData("invalid_field", 400)]
    [InlineData("invalid_download_link", 400)]
    [InlineData("download_link_forbidden", 400)]
    [InlineData("invalid_api_key", 401)]
    [InlineData("storage_quota_exceeded", 402)]
    [InlineData("tariff_forbids_upload", 403)]
    [InlineData("insufficient_scope", 403)]
    [InlineData("project_limit_reached", 403)]
    [InlineData("upload_session_not_found", 404)]
    [InlineData("file_not_found", 404)]
    [InlineData("project_not_found", 404)]
    [InlineData("project_file_not_found", 404)]
    [InlineData("non_contiguous_chunk", 409)]
    [InlineData("upload_in_progress", 409)]
    [InlineData("length_required", 411)]
    [InlineData("file_too_large", 413)]
    [InlineData("session_too_large", 413)]
    [InlineData("extension_not_allowed", 415)]
    [InlineData("rate_limited", 429)]
    [InlineData("internal_error", 500)]
    [InlineData("storage_unavailable", 503)]
    [InlineData("insufficient_storage", 507)]
    public void CoreEntry_IsAnsweredWithTheDocumentedStatus(string code, int status) =>
        SessionsStatus.Of(Core(code).Kind).ShouldBe(status);

    [Fact]
    public void DoorEntries_AreAnsweredWithTheDocumentedStatus()
    {
        SessionsStatus.Of(SessionsErrors.MissingBearerToken.Kind).ShouldBe(401);
        SessionsStatus.Of(SessionsErrors.InvalidJson.Kind).ShouldBe(400);
    }

    [Fact]
    public void EveryKind_HasAnErrorStatus()
    {
        foreach (var kind in Enum.GetValues<ErrorKind>())
        {
            SessionsStatus.Of(kind).ShouldBeInRange(400, 599, kind.ToString());
        }

        SessionsStatus.Of(ErrorKind.Internal).ShouldBe(500);
    }

    private static ErrorCode Core(string code) =>
        typeof(StowageErrors).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (ErrorCode)f.GetValue(null)!).Single(e => e.Code == code);
}
