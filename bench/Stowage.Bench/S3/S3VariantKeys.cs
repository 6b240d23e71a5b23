namespace Stowage.Bench.S3;

/// <summary>The variants' keys ("server/client"), shared by the set-up, the targets and the report.</summary>
internal static class S3VariantKeys
{
    public const string StowageServer = "stowage";
    public const string SinkServer = "sink";

    public static string Sessions(string server) => $"{server}/sessions";

    public static string Put(string server, SdkPayloadMode mode) => $"{server}/sdk-put-{SdkPayloadModes.Slug(mode)}";

    public static string TransferUtility(string server, SdkPayloadMode mode) => $"{server}/sdk-tu-{SdkPayloadModes.Slug(mode)}";

    public static string AwsCli(string server) => $"{server}/awscli";

    public static string PresignedPut(string server) => $"{server}/presigned-put";

    /// <summary>The same client against the null sink: the variant's ceiling.</summary>
    public static string Ceiling(string key) => SinkServer + key[key.IndexOf('/', StringComparison.Ordinal)..];
}
