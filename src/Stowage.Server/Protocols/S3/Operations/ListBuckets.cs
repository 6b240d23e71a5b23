using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3.Operations;

/// <summary>
/// GET / (docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html): the caller's account's buckets, with the
/// projects bucket for an account's own key (docs/protocols/s3.md, "The projects bucket").
/// </summary>
internal sealed class ListBuckets(S3BucketService buckets) : IS3Operation
{
    public async Task HandleAsync(S3Call call)
    {
        var owned = await buckets.ListForAsync(call.Principal, call.Aborted).ConfigureAwait(false);
        await S3Xml.WriteAsync(call.Http, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartElement("ListAllMyBucketsResult", S3Xml.Namespace);
            writer.WriteStartElement("Owner");
            writer.WriteElementString("ID", call.Principal.AccountId);
            writer.WriteElementString("DisplayName", call.Principal.AccountId);
            writer.WriteEndElement();
            writer.WriteStartElement("Buckets");
            foreach (var bucket in owned)
            {
                writer.WriteStartElement("Bucket");
                writer.WriteElementString("Name", bucket.Name);
                writer.WriteElementString("CreationDate", S3Xml.Timestamp(bucket.Created));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }).ConfigureAwait(false);
    }
}
