namespace Stowage.Bench.S3;

/// <summary>The variants' keys ("server/client"), shared by the set-up, the targets and the report.</summary>
internal static class S3VariantKeys
{
    public const string StowageServer = "stowage";
    public const string SinkServer = "sink";

    /// <summary>The baseline build's Stowage (run.sh --baseline REV); its rows pair with the head's "stowage/…".</summary>
    public const string BaselineServer = "baseline";

    public static bool IsBaseline(string key) => key.StartsWith(BaselineServer + "/", StringComparison.Ordinal);

    /// <summary>The head's key for either build of a Stowage row; null for the null sink's rows.</summary>
    public static string? PairOf(string key) =>
        IsBaseline(key) ? StowageServer + key[key.IndexOf('/', StringComparison.Ordinal)..]
        : key.StartsWith(StowageServer + "/", StringComparison.Ordinal) ? key
        : null;

    /// <summary>The baseline build's twin of a head row's key.</summary>
    public static string BaselineOf(string key) => BaselineServer + key[key.IndexOf('/', StringComparison.Ordinal)..];

    public static string Sessions(string server) => $"{server}/sessions";

    public static string Put(string server, SdkPayloadMode mode) => $"{server}/sdk-put-{SdkPayloadModes.Slug(mode)}";

    public static string TransferUtility(string server, SdkPayloadMode mode) => $"{server}/sdk-tu-{SdkPayloadModes.Slug(mode)}";

    public static string AwsCli(string server) => $"{server}/awscli";

    public static string PresignedPut(string server) => $"{server}/presigned-put";

    /// <summary>The same client against the null sink: the variant's ceiling.</summary>
    public static string Ceiling(string key) => SinkServer + key[key.IndexOf('/', StringComparison.Ordinal)..];
}
