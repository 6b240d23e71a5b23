namespace Stowage.Core.Projects;

/// <summary>Why processing failed, for a person and a program: a code, a message, and the file concerned if any.</summary>
public sealed record ProjectError(string Code, string Message, string? File);
