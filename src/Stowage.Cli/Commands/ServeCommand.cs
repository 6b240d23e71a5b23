using System.CommandLine;
using Stowage.Server.Hosting;

namespace Stowage.Cli.Commands;

/// <summary>
/// <c>stowage serve --data DIR --urls URLS</c>. Extra arguments are configuration
/// (<c>--Stowage:Uploads:MaxFileBytes=...</c>), as ASP.NET reads its command line.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen, e.g. http://127.0.0.1:8080 (several separated by ';').",
            DefaultValueFactory = _ => ServeSettings.DefaultUrls,
        };
        var s3Urls = new Option<string?>("--s3-urls")
        {
            Description = $"Where the S3 endpoint listens, each with a port of its own (default {ServeSettings.DefaultS3Urls}, or {ServeSettings.S3UrlsKey}).",
        };
        var command = new Command("serve", "Start the server on the embedded default (SQLite + local disk).") { data, urls, s3Urls };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = new ServeSettings(result.GetValue(data)!, result.GetValue(urls)!, result.GetValue(s3Urls));
            try
            {
                await StowageServer.RunAsync(settings, [.. result.UnmatchedTokens], Console.Out, cancellationToken).ConfigureAwait(false);
                return 0;
            }
            catch (InvalidOperationException ex) when (ex.InnerException is IOException)
            {
                await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 3;
            }
            catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                await Console.Error.WriteLineAsync($"Cannot listen on {settings.Urls} (S3: {settings.S3Urls ?? "configured"}): address already in use.").ConfigureAwait(false);
                return 4;
            }
            catch (ArgumentException ex) when (ex.ParamName == "s3Urls")
            {
                await Console.Error.WriteLineAsync("Invalid configuration: " + ex.Message).ConfigureAwait(false);
                return 2;
            }
            catch (Microsoft.Extensions.Options.OptionsValidationException ex)
            {
                await Console.Error.WriteLineAsync("Invalid configuration: " + string.Join(" ", ex.Failures)).ConfigureAwait(false);
                return 2;
            }
        });
        return command;
    }
}
