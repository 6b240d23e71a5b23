namespace Stowage.Server.Protocols.S3;

/// <summary>One S3 operation (one class per operation, like the Sessions API's).</summary>
internal interface IS3Operation
{
    Task HandleAsync(S3Call call);
}
