namespace Stowage.Server.Hosting;

/// <summary>The host's log messages. Event ids are stable: 5xxx hosting, 6xxx front doors.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(6001, LogLevel.Error, "Unhandled failure on {Method} {Path}.")]
    public static partial void Unhandled(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(6002, LogLevel.Debug, "Client went away during {Method} {Path}.")]
    public static partial void ClientGone(ILogger logger, string method, string path);

    [LoggerMessage(6003, LogLevel.Warning, "{Method} {Path} found the storage full: {Reason}")]
    public static partial void StorageFull(ILogger logger, string method, string path, string reason);

    [LoggerMessage(6101, LogLevel.Information, "S3 endpoint listening on {Urls}.")]
    public static partial void S3Listening(ILogger logger, string urls);

    [LoggerMessage(6102, LogLevel.Debug, "S3 {Method} {Resource} refused: {Code}.")]
    public static partial void S3Refused(ILogger logger, string method, string resource, string code);
}
