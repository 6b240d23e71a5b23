using Stowage.Core.Checksums;
using Stowage.Core.Projects;

namespace Stowage.Core.S3;

public sealed partial class S3ProjectsBucket
{
    /// <summary>The Content-Type of every project file, as GET /projects/{name}/files/{path} serves it.</summary>
    private static readonly IReadOnlyDictionary<string, string> FileHeaders =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["content-type"] = "application/octet-stream" };

    /// <summary>
    /// The object at <paramref name="key"/> (<c>{project}/{path}</c>) when the account sees it, else null: NoSuchKey
    /// for another account's project as for a missing one, so names do not leak.
    /// </summary>
    public async Task<S3ObjectRecord?> GetAsync(string accountId, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return null;
        }

        var found = await files.FindAsync(accountId, key[..slash], key[(slash + 1)..], cancellationToken).ConfigureAwait(false);
        return found.IsSuccess && IsShown(found.Value.File) ? ObjectOf(found.Value.Project, found.Value.File) : null;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> of the account's objects whose keys start with <paramref name="prefix"/> and sort
    /// after <paramref name="after"/> (exclusive; null for the first page), in key order (UTF-8 bytes): what
    /// <see cref="IS3Store.ListObjectsAsync"/> answers for a bucket with records, so <see cref="S3ObjectService"/> lists
    /// both alike (prefix, delimiter, max-keys, continuation). Fewer than <paramref name="limit"/> means there are no more.
    /// </summary>
    public async Task<IReadOnlyList<S3ObjectRecord>> ListAsync(string accountId, string prefix, string? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var page = new List<S3ObjectRecord>();
        if (limit <= 0)
        {
            return page;
        }

        foreach (var project in await ProjectsUnderAsync(accountId, prefix, cancellationToken).ConfigureAwait(false))
        {
            var root = project.Name + "/";
            string? afterPath = null;
            if (after is not null)
            {
                if (after.StartsWith(root, StringComparison.Ordinal))
                {
                    afterPath = after[root.Length..];
                }
                else if (string.CompareOrdinal(after, root) > 0)
                {
                    continue; // every key of this project sorts before the marker
                }
            }

            // A prefix that names this project ("P/", "P/floor1/") narrows its paths; a shorter one ("P", "") takes them all.
            var pathPrefix = prefix.Length > root.Length ? prefix[root.Length..] : string.Empty;
            while (page.Count < limit)
            {
                var wanted = limit - page.Count;
                var batch = await projects.ListProjectFilesAsync(project.Name, pathPrefix, afterPath, wanted, cancellationToken).ConfigureAwait(false);
                page.AddRange(batch.Where(IsShown).Select(f => ObjectOf(project, f)));
                if (batch.Count < wanted)
                {
                    break;
                }

                afterPath = batch[^1].Path;
            }

            if (page.Count == limit)
            {
                break;
            }
        }

        return page;
    }

    /// <summary>
    /// A project file as an object (docs/protocols/s3.md, "The projects bucket"): its ETag is its SHA-256 as lowercase
    /// hex (64 digits, so no client takes it for an MD5; the ETag GET /projects/{name}/files/{path} gives), and so is
    /// its checksum (x-amz-checksum-sha256); it was last modified when its project was created, which never changes;
    /// its bytes are the blob its record names.
    /// </summary>
    private S3ObjectRecord ObjectOf(ProjectRecord project, ProjectFileRecord file)
    {
        var sha256 = file.Sha256 ?? throw new InvalidOperationException($"Project file {project.Name}/{file.Path} is not hashed yet.");
        var checksum = new ChecksumValue(ChecksumAlgorithm.Sha256, Convert.ToBase64String(Convert.FromHexString(sha256)));
        return new S3ObjectRecord(Name, project.Name + "/" + file.Path, file.Size, sha256, project.Created, FileHeaders, checksum, PartsCount: null, file.Object);
    }

    /// <summary>A file is an object once processing has computed its SHA-256, which is its ETag.</summary>
    private static bool IsShown(ProjectFileRecord file) => file.Sha256 is not null;

    /// <summary>
    /// The account's visible projects that can hold keys starting with <paramref name="prefix"/>, in the order of their
    /// keys: a prefix with a '/' names one project; a shorter one is the start of project names. Projects are ordered
    /// by <c>{name}/</c>, not by name, since '-' sorts before '/' (<c>abc-x1/…</c> comes before <c>abc/…</c>). Names
    /// are upload ids (base62, with '-' and a suffix after a collision): ASCII without '/', so ordinal order is the
    /// keys' UTF-8 order, and comparing a marker with <c>{name}/</c> ordinally is too, whatever the marker holds.
    /// </summary>
    private async Task<IReadOnlyList<ProjectRecord>> ProjectsUnderAsync(string accountId, string prefix, CancellationToken cancellationToken)
    {
        var slash = prefix.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var named = await projects.GetProjectAsync(prefix[..slash], cancellationToken).ConfigureAwait(false);
            return ProjectVisibility.IsVisibleTo(named, accountId) ? [named] : [];
        }

        var all = await projects.ListProjectsAsync(accountId, 0, int.MaxValue, cancellationToken).ConfigureAwait(false);
        return [.. all
            .Where(p => ProjectVisibility.IsVisibleTo(p, accountId) && p.Name.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(p => p.Name + "/", StringComparer.Ordinal)];
    }
}
