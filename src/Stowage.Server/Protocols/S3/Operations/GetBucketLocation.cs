using Microsoft.Extensions.Options;
using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3.Operations;

/// <summary>
/// GET /{bucket}?location (docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html). S3 answers an
/// empty LocationConstraint for us-east-1; SDKs ask this before choosing where to sign.
/// </summary>
internal sealed class GetBucketLocation(IOptions<S3Options> options) : IS3Operation
{
    public Task HandleAsync(S3Call call)
    {
        var region = options.Value.Region;
        return S3Xml.WriteAsync(call.Http, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartElement("LocationConstraint", S3Xml.Namespace);
            if (region != "us-east-1")
            {
                writer.WriteString(region);
            }

            writer.WriteEndElement();
        });
    }
}
