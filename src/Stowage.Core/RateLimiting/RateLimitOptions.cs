namespace Stowage.Core.RateLimiting;

/// <summary>
/// Per-key request budgets, one per operation, bound from "Stowage:RateLimits" and applied by
/// <see cref="RateLimitPolicy"/>. The operations are the Sessions API's; defaults are the seed 004 table
/// (docs/protocols/sessions.md, "Limits": HTTP 429 when exceeded); GET /projects (the list) is not in the
/// table and shares GET /projects/{name}'s budget size. An operation without a budget here is not limited.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Stowage:RateLimits";

    public bool Enabled { get; set; } = true;

    public string CreateUpload { get; set; } = "30/hour";

    public string PutFile { get; set; } = "1200/minute";

    public string GetFile { get; set; } = "600/minute";

    public string GetSession { get; set; } = "120/minute";

    public string DeleteSession { get; set; } = "60/minute";

    public string CreateProject { get; set; } = "10/hour";

    public string GetProject { get; set; } = "60/minute";

    public string ListProjects { get; set; } = "60/minute";

    /// <summary>Not in the seed's table (a Stowage extension): GET /uploads/{id}/{file}'s budget.</summary>
    public string GetProjectFile { get; set; } = "600/minute";

    /// <summary>Not in the seed's table (a Stowage extension): DELETE /uploads/{id}'s budget.</summary>
    public string DeleteProject { get; set; } = "60/minute";

    public IEnumerable<string> Validate()
    {
        foreach (var (name, value) in Rules())
        {
            if (RateLimitRule.Parse(value) is null)
            {
                yield return $"RateLimits:{name} '{value}' is not 'N/second|minute|hour|day'.";
            }
        }
    }

    public IEnumerable<(string Name, string Value)> Rules() =>
    [
        (nameof(CreateUpload), CreateUpload), (nameof(PutFile), PutFile), (nameof(GetFile), GetFile),
        (nameof(GetSession), GetSession), (nameof(DeleteSession), DeleteSession), (nameof(CreateProject), CreateProject),
        (nameof(GetProject), GetProject), (nameof(ListProjects), ListProjects),
        (nameof(GetProjectFile), GetProjectFile), (nameof(DeleteProject), DeleteProject),
    ];
}
