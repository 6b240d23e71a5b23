using System.Text.Json;

namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>Reading the files of a full project record (GET /projects/{name} at status 100).</summary>
public static class ProjectAssertions
{
    /// <summary>The record's files by name.</summary>
    public static Dictionary<string, JsonElement> FilesByName(this ApiResponse project) =>
        project.Property("files").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, StringComparer.Ordinal);

    /// <summary>Asserts the project is ready and lists exactly these files with their real sizes and SHA-256.</summary>
    public static void ShouldHaveFiles(this ApiResponse project, IReadOnlyDictionary<string, byte[]> expected, string? fromArchive = null)
    {
        project.Int("status").ShouldBe(100, project.ToString());
        var files = project.FilesByName().Where(f => FromArchive(f.Value) == fromArchive).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        files.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.Keys.Order(StringComparer.Ordinal), project.ToString());
        foreach (var (name, data) in expected)
        {
            files[name].GetProperty("size").GetInt64().ShouldBe(data.Length, name);
            files[name].GetProperty("sha256").GetString().ShouldBe(TestData.Sha256Hex(data), name);
        }
    }

    public static string? FromArchive(JsonElement file) =>
        file.TryGetProperty("from_archive", out var archive) && archive.ValueKind == JsonValueKind.String ? archive.GetString() : null;
}
