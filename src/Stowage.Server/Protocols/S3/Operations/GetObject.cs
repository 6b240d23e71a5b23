using System.Buffers;
using System.Globalization;
using Stowage.Core.Errors;
using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3.Operations;

/// <summary>
/// GET and HEAD /{bucket}/{key} (docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html): the whole
/// object or one Range (206), with If-Match / If-None-Match / If-(Un)Modified-Since.
/// </summary>
internal sealed class GetObject(S3ObjectService objects) : IS3Operation
{
    private const int CopyBufferBytes = 1 << 20;

    // A concurrent PutObject may replace the object (and reclaim its old blob) between reading the record and
    // opening its bytes; the new record is then read and judged again. Three rounds settle any real race.
    private const int MaxAttempts = 3;

    public async Task HandleAsync(S3Call call)
    {
        if (S3ObjectHeaders.CheckOverrides(call.Request) is { } badOverride)
        {
            await call.FailAsync(badOverride).ConfigureAwait(false);
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            if (await TryAnswerAsync(call, lastAttempt: attempt == MaxAttempts).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>False when the record's bytes were gone and another round may find the replacing object.</summary>
    private async Task<bool> TryAnswerAsync(S3Call call, bool lastAttempt)
    {
        var found = await objects.HeadAsync(call.RequiredBucket, call.Key, call.Aborted).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            await call.FailAsync(found.Failure).ConfigureAwait(false);
            return true;
        }

        var obj = found.Value;
        if (S3Preconditions.Evaluate(call.Request, obj) is { } status)
        {
            await AnswerPreconditionAsync(call, obj, status).ConfigureAwait(false);
            return true;
        }

        var range = S3Range.Parse(call.Request.Headers.Range.ToString(), obj.Size);
        if (range.IsUnsatisfiable)
        {
            call.Response.Headers.ContentRange = $"bytes */{obj.Size.ToString(CultureInfo.InvariantCulture)}";
            await call.FailAsync(S3Errors.InvalidRange).ConfigureAwait(false);
            return true;
        }

        if (HttpMethods.IsHead(call.Request.Method))
        {
            WriteHeaders(call, obj, range.Range);
            return true;
        }

        // The record read above is the one answered from: its own blob, never another write's bytes.
        var opened = await objects.OpenAsync(obj, range.Range?.Offset ?? 0, call.Aborted).ConfigureAwait(false);
        if (!opened.IsSuccess)
        {
            if (!lastAttempt)
            {
                return false;
            }

            await call.FailAsync(opened.Failure).ConfigureAwait(false);
            return true;
        }

        await using var content = opened.Value;
        WriteHeaders(call, obj, range.Range);
        await CopyAsync(content, range.Range?.Length ?? obj.Size, call.Response, call.Aborted).ConfigureAwait(false);
        return true;
    }

    private static Task AnswerPreconditionAsync(S3Call call, S3ObjectRecord obj, int status)
    {
        if (status == StatusCodes.Status412PreconditionFailed)
        {
            return call.FailAsync(Failure.Of(S3Errors.PreconditionFailed));
        }

        call.Response.Headers.ETag = S3Xml.QuotedETag(obj.ETag);
        call.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>A Range that parsed is answered with 206, even when it covers the whole object (as S3 does).</summary>
    private static void WriteHeaders(S3Call call, S3ObjectRecord obj, S3Range? range)
    {
        var response = call.Response;
        S3ObjectHeaders.Write(call.Http, obj, includeChecksum: range is null);
        if (range is { } r)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {r.Offset}-{r.Offset + r.Length - 1}/{obj.Size}");
        }

        response.ContentLength = range?.Length ?? obj.Size;
    }

    private static async Task CopyAsync(Stream content, long length, HttpResponse response, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferBytes);
        try
        {
            var remaining = length;
            while (remaining > 0)
            {
                var read = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException($"The object ended {remaining} bytes early: it changed while it was read.");
                }

                await response.Body.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                remaining -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
