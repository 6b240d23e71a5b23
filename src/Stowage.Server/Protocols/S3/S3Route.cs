using Stowage.Core.Errors;
using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3;

/// <summary>What a request asks for: the operation (by type) and the action it is authorized as, or why it cannot be served.</summary>
internal sealed record S3Route(Type? Operation, S3Action Action, ErrorCode? Refusal = null, string? RefusalMessage = null)
{
    public static S3Route To<TOperation>(S3Action action)
        where TOperation : IS3Operation => new(typeof(TOperation), action);

    /// <param name="action"><see cref="S3Action.UnimplementedRead"/> or <see cref="S3Action.UnimplementedWrite"/>: what authorization judges when it comes first.</param>
    public static S3Route NotImplemented(string what, S3Action action = S3Action.UnimplementedWrite) =>
        new(null, action, S3Errors.NotImplemented, $"{what} is not implemented by this server.");

    public static S3Route MethodNotAllowed() => new(null, S3Action.UnimplementedWrite, S3Errors.MethodNotAllowed);
}
