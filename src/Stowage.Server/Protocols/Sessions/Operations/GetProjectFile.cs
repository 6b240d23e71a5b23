using Microsoft.Net.Http.Headers;
using Stowage.Core.Projects;

namespace Stowage.Server.Protocols.Sessions.Operations;

/// <summary>
/// GET and HEAD /projects/{name}/files/{path} (a Stowage extension, docs/protocols/sessions.md, "Project files"):
/// the file's bytes as application/octet-stream, with Range (206, RFC 9110 section 14), and, once processing has
/// hashed the file, its SHA-256 as the strong ETag (quoted lowercase hex, so If-None-Match and If-Range work) and
/// as <c>Repr-Digest: sha-256=:base64:</c> (RFC 9530).
/// </summary>
internal sealed class GetProjectFile(SessionsGate gate, ProjectFileService files)
{
    public async Task HandleAsync(HttpContext context, string name, string path)
    {
        if (await gate.EnterAsync(context, SessionsEndpoint.GetProjectFile).ConfigureAwait(false) is not { } caller)
        {
            return;
        }

        var result = await files.OpenAsync(caller, name, path, context.RequestAborted).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            await SessionsResponses.WriteErrorAsync(context, result.Failure).ConfigureAwait(false);
            return;
        }

        await using var content = result.Value.Content;
        var file = result.Value.File;
        EntityTagHeaderValue? etag = null;
        if (file.Sha256 is { } sha)
        {
            etag = new EntityTagHeaderValue($"\"{sha}\"");
            context.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(sha))}:";
        }

        // The framework's file result answers Range, If-Range, If-None-Match and HEAD (headers, no body) as RFC 9110 says.
        await TypedResults.Stream(content, "application/octet-stream", fileDownloadName: null,
            lastModified: result.Value.Project.Updated, entityTag: etag, enableRangeProcessing: true).ExecuteAsync(context).ConfigureAwait(false);
    }
}
