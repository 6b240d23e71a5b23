using System.Text.Json;

namespace Stowage.Core.Processing;

/// <summary>
/// A permanent processing failure, carried through the job queue as JSON so the project can show a
/// code, a message and the file concerned.
/// </summary>
public sealed class ProcessingException : Exception
{
    public ProcessingException(string code, string message, string? file = null) : base(message)
    {
        Code = code;
        File = file;
    }

    public ProcessingException() : this("processing_failed", "Processing failed.") { }

    public ProcessingException(string message) : this("processing_failed", message) { }

    public ProcessingException(string message, Exception innerException) : base(message, innerException) => Code = "processing_failed";

    public string Code { get; } = "processing_failed";

    public string? File { get; }

    public string ToJson() => JsonSerializer.Serialize(new Wire(Code, Message, File));

    /// <summary>Reads an error recorded by <see cref="ToJson"/>; any other text becomes processing_failed.</summary>
    public static (string Code, string Message, string? File) Parse(string text)
    {
        try
        {
            if (JsonSerializer.Deserialize<Wire>(text) is { Code: not null, Message: not null } wire)
            {
                return (wire.Code, wire.Message, wire.File);
            }
        }
        catch (JsonException)
        {
        }

        return ("processing_failed", text, null);
    }

    private sealed record Wire(string Code, string Message, string? File);
}
