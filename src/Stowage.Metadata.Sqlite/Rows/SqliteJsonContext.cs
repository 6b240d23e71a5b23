using System.Text.Json.Serialization;
using Stowage.Core.Projects;

namespace Stowage.Metadata.Sqlite.Rows;

/// <summary>Source-generated JSON for the list columns (key scopes, project errors).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<ProjectError>))]
internal sealed partial class SqliteJsonContext : JsonSerializerContext;
