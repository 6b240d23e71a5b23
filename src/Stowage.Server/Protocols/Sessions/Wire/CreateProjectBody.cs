using System.Text.Json;
using System.Text.Unicode;
using Stowage.Core.Errors;
using Stowage.Core.Projects;

namespace Stowage.Server.Protocols.Sessions.Wire;

/// <summary>
/// The POST /projects body (seed 004): a JSON object with upload_id xor download_link, optional title,
/// privacy_mode, coordinate_system; other fields are ignored. docs/protocols/sessions.md, "Projects":
/// a body that is not JSON text (RFC 8259 §8.1: UTF-8, so invalid UTF-8 anywhere in it is not JSON) or not
/// an object is invalid_json; a field of the wrong type, or a string holding an escaped lone surrogate
/// (<c>"\ud800"</c>, valid JSON syntax per RFC 8259 §8.2 but no Unicode text), is invalid_field naming it.
/// </summary>
internal static class CreateProjectBody
{
    private static readonly string[] StringFields = ["upload_id", "download_link", "title", "coordinate_system"];

    public static Result<CreateProjectRequest> Parse(ReadOnlyMemory<byte> body)
    {
        // A UTF-8 byte order mark is tolerated (RFC 8259 §8.1 lets parsers ignore it), as the stream reader did.
        if (body.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            body = body[3..];
        }

        if (!Utf8.IsValid(body.Span))
        {
            return SessionsErrors.InvalidJson;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return SessionsErrors.InvalidJson;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return SessionsErrors.InvalidJson;
            }

            var strings = new string?[StringFields.Length];
            for (var i = 0; i < StringFields.Length; i++)
            {
                if (!TryString(root, StringFields[i], out strings[i]))
                {
                    return Failure.With(StowageErrors.InvalidField, "field", StringFields[i]);
                }
            }

            int? privacy = null;
            if (root.TryGetProperty("privacy_mode", out var mode) && mode.ValueKind != JsonValueKind.Null)
            {
                if (mode.ValueKind != JsonValueKind.Number || !mode.TryGetInt32(out var value))
                {
                    return Failure.With(StowageErrors.InvalidField, "field", "privacy_mode");
                }

                privacy = value;
            }

            return new CreateProjectRequest(strings[0], strings[1], strings[2], privacy, strings[3]);
        }
    }

    /// <summary>A string field may be absent or null; anything but a string of Unicode text is refused.</summary>
    private static bool TryString(JsonElement root, string name, out string? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            value = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false; // an escaped lone surrogate: System.Text.Json will not make a string of it
        }
    }
}
