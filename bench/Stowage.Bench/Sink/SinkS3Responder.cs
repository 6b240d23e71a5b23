namespace Stowage.Bench.Sink;

/// <summary>
/// Just enough S3 for AWSSDK.S3 and awscli to upload to the sink unchanged (path style, bucket
/// <see cref="Bucket"/>): PutObject, CreateMultipartUpload, UploadPart, CompleteMultipartUpload and
/// DeleteObject. Bodies are drained uncounted and unverified; signatures are not checked (the client still
/// computes them, which is the point: the sink measures what the client costs).
/// </summary>
internal static class SinkS3Responder
{
    public const string Bucket = "s3sink";

    public const string Prefix = "/" + Bucket + "/";

    // Any 32 hex digits: the clients do not compare a PUT's ETag with their own MD5.
    private const string ETag = "\"00000000000000000000000000000000\"";

    private const string Xmlns = "http://s3.amazonaws.com/doc/2006-03-01/";

    public static byte[] Respond(SinkRequest request, long id)
    {
        var key = request.Path[Prefix.Length..];
        var query = request.Query;
        return request.Method switch
        {
            "POST" when Has(query, "uploads") => SinkResponder.Build(200, "", Xml($"<InitiateMultipartUploadResult xmlns=\"{Xmlns}\"><Bucket>{Bucket}</Bucket><Key>{key}</Key><UploadId>sink{id}</UploadId></InitiateMultipartUploadResult>")),
            "POST" when Has(query, "uploadId") => SinkResponder.Build(200, "", Xml($"<CompleteMultipartUploadResult xmlns=\"{Xmlns}\"><Location>{Prefix}{key}</Location><Bucket>{Bucket}</Bucket><Key>{key}</Key><ETag>&quot;00000000000000000000000000000000-1&quot;</ETag></CompleteMultipartUploadResult>")),
            "PUT" => SinkResponder.Build(200, $"ETag: {ETag}\r\n", ""),
            "DELETE" => SinkResponder.Build(204, "", ""),
            _ => SinkResponder.Build(404, "", ""),
        };
    }

    private static string Xml(string body) => "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body;

    private static bool Has(string query, string name) =>
        query.Split('&').Any(p => p == name || p.StartsWith(name + "=", StringComparison.Ordinal));
}
