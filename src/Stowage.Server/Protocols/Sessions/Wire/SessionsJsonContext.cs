using System.Text.Json.Serialization;

namespace Stowage.Server.Protocols.Sessions.Wire;

/// <summary>Source-generated serializers: no reflection on the request path.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(UploadCreatedWire))]
[JsonSerializable(typeof(FileProgressWire))]
[JsonSerializable(typeof(SessionWire))]
[JsonSerializable(typeof(DeletedWire))]
[JsonSerializable(typeof(ProjectCreatedWire))]
[JsonSerializable(typeof(ProjectBriefWire))]
[JsonSerializable(typeof(ProjectFullWire))]
[JsonSerializable(typeof(ProjectListWire))]
[JsonSerializable(typeof(HealthWire))]
internal sealed partial class SessionsJsonContext : JsonSerializerContext;
