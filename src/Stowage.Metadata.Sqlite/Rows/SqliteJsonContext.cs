using System.Text.Json.Serialization;
using Stowage.Core.Projects;

namespace Stowage.Metadata.Sqlite.Rows;

/// <summary>
/// Source-generated JSON for the list and map columns (key scopes, project errors, S3 headers). The naming
/// policy renames properties only, never dictionary keys, so header names round-trip as given.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<ProjectError>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class SqliteJsonContext : JsonSerializerContext;
