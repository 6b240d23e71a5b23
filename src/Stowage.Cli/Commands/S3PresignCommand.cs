using Stowage.Core.Accounts;
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Stowage.Core.S3;
using Stowage.Core.S3.Signing;

namespace Stowage.Cli.Commands;

/// <summary>
/// <c>stowage s3 presign</c>: a presigned SigV4 URL for one object, signed with an existing long-lived access
/// key (the core's presigning service, which the Links API builds its upload links on). Anyone holding the URL
/// may perform that one request until it expires; revoking the key ends it sooner.
/// </summary>
internal static class S3PresignCommand
{
    private const string DefaultExpiry = "1h";

    public static Command Create()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var accessKey = new Option<string>("--access-key-id") { Description = "The long-lived access key (AKIA…) to sign with.", Required = true };
        var bucket = new Option<string>("--bucket") { Description = "The object's bucket.", Required = true };
        var key = new Option<string>("--key") { Description = "The object's key.", Required = true };
        var method = new Option<string>("--method") { Description = "PUT (upload) or GET (download).", DefaultValueFactory = _ => "PUT" };
        var expires = new Option<string>("--expires") { Description = $"How long the URL works: 90s, 30m, 2h, 7d at most (default {DefaultExpiry}).", DefaultValueFactory = _ => DefaultExpiry };
        var emptyContentType = new Option<bool>("--empty-content-type") { Description = "Sign an empty Content-Type: the uploader must send it empty (the Links API's links)." };
        var endpoint = new Option<string?>("--endpoint") { Description = $"The endpoint URL to sign for (default {S3Endpoint.PublicEndpointKey}, else the first of {S3Endpoint.UrlsKey})." };
        var command = new Command("presign", "Print a presigned URL for one object, signed with a long-lived access key.")
        {
            data, accessKey, bucket, key, method, expires, emptyContentType, endpoint, json,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var verb = result.GetValue(method)!.ToUpperInvariant();
            if (verb is not ("PUT" or "GET"))
            {
                return await S3CliOutput.FailAsync(2, $"--method '{verb}': presign PUT or GET.").ConfigureAwait(false);
            }

            if (!CliDuration.TryParse(result.GetValue(expires), out var expiry))
            {
                return await S3CliOutput.FailAsync(2, $"--expires '{result.GetValue(expires)}' is not a duration like 90s, 30m, 2h or 7d.").ConfigureAwait(false);
            }

            await using var services = await CliServices.OpenAsync(result.GetValue(data)!, cancellationToken).ConfigureAwait(false);
            var principal = await services.GetRequiredService<S3CredentialService>().ResolveAsync(result.GetValue(accessKey)!, null, cancellationToken).ConfigureAwait(false);
            if (!principal.IsSuccess || principal.Value.Principal.Kind != CredentialKind.S3AccessKey)
            {
                return await S3CliOutput.FailAsync(1, $"'{result.GetValue(accessKey)}' is not an active long-lived access key.").ConfigureAwait(false);
            }

            var signer = principal.Value;
            var request = new S3PresignRequest(verb, result.GetValue(bucket)!, result.GetValue(key)!,
                new S3Credentials(signer.AccessKeyId, signer.SecretAccessKey, null, null, signer.Principal.AccountId, null), expiry)
            {
                Endpoint = new Uri(S3Endpoint.Resolve(result.GetValue(endpoint), S3Endpoint.LoadConfiguration())),
                SignEmptyContentType = result.GetValue(emptyContentType),
            };
            S3PresignedUrl url;
            try
            {
                url = services.GetRequiredService<S3Presigner>().Presign(request);
            }
            catch (ArgumentException ex)
            {
                return await S3CliOutput.FailAsync(2, ex.Message).ConfigureAwait(false);
            }

            if (result.GetValue(json))
            {
                S3CliOutput.WriteJson(new { url = url.Url, method = url.Method, expires = S3CliOutput.Time(url.Expires), headers = url.Headers });
            }
            else
            {
                Console.WriteLine(url.Url);
            }

            return 0;
        });
        return command;
    }
}
