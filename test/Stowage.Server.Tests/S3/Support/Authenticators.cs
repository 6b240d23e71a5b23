using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Stowage.Core.Errors;
using Stowage.Core.S3;
using Stowage.Server.Protocols.S3.Auth;

namespace Stowage.Server.Tests.S3.Support;

internal static class Authenticators
{
    public static S3RequestAuthenticator Create(IS3CredentialResolver? resolver = null, DateTimeOffset? now = null, Action<S3Options>? configure = null)
    {
        var options = new S3Options();
        configure?.Invoke(options);
        return new S3RequestAuthenticator(resolver ?? DefaultResolver(), Options.Create(options), new FakeTimeProvider(now ?? TestRequest.Now));
    }

    public static FakeCredentialResolver DefaultResolver() => new FakeCredentialResolver().Add(TestRequest.AccessKeyId, TestRequest.Secret);

    public static async Task<S3AuthenticatedRequest> ShouldAuthenticate(this S3RequestAuthenticator authenticator, TestRequest request)
    {
        var result = await authenticator.AuthenticateAsync(request.Build(), CancellationToken.None);
        result.Failure.ShouldBeNull(result.Failure is null ? null : $"{result.Failure.Error.Code}: {string.Join("; ", result.Failure.Details.Select(d => $"{d.Key}={d.Value}"))}");
        return result.Value!;
    }

    public static async Task<Failure> ShouldFail(this S3RequestAuthenticator authenticator, TestRequest request, ErrorCode expected)
    {
        var result = await authenticator.AuthenticateAsync(request.Build(), CancellationToken.None);
        result.IsSuccess.ShouldBeFalse();
        result.Failure.Error.ShouldBe(expected, string.Join("; ", result.Failure.Details.Select(d => $"{d.Key}={d.Value}")));
        return result.Failure;
    }
}
