using System.Diagnostics.CodeAnalysis;
using Stowage.Core.S3.Signing;

namespace Stowage.Server.Protocols.S3.Auth;

/// <summary>
/// <c>Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…</c>, with or without spaces
/// after the commas (s3cmd sends none; reference/s3-wire/SUMMARY.md).
/// </summary>
internal sealed record SigV4AuthorizationHeader(SigV4Credential Credential, IReadOnlyList<string> SignedHeaders, string Signature)
{
    public static bool IsSigV4(string authorization) =>
        authorization.StartsWith(SigV4.Algorithm, StringComparison.Ordinal)
        && (authorization.Length == SigV4.Algorithm.Length || char.IsWhiteSpace(authorization[SigV4.Algorithm.Length]));

    /// <summary>Parses the header; <paramref name="error"/> says what is wrong otherwise.</summary>
    public static bool TryParse(string authorization, [NotNullWhen(true)] out SigV4AuthorizationHeader? header, [NotNullWhen(false)] out string? error)
    {
        header = null;
        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in authorization[SigV4.Algorithm.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = $"The authorization header is malformed; the part '{part}' is not a key=value pair.";
                return false;
            }

            var value = part[(equals + 1)..].Trim();
            switch (part[..equals].Trim())
            {
                case "Credential":
                    credential = value;
                    break;
                case "SignedHeaders":
                    signedHeaders = value;
                    break;
                case "Signature":
                    signature = value;
                    break;
                default:
                    error = $"The authorization header is malformed; unknown component '{part[..equals].Trim()}'.";
                    return false;
            }
        }

        if (credential is null || signedHeaders is null || signature is null)
        {
            error = "The authorization header is malformed; it needs Credential, SignedHeaders and Signature.";
            return false;
        }

        if (!SigV4Credential.TryParse(credential, out var parsed))
        {
            error = $"The authorization header is malformed; the Credential '{credential}' is not <key>/<yyyymmdd>/<region>/<service>/aws4_request.";
            return false;
        }

        var names = signedHeaders.Split(';', StringSplitOptions.TrimEntries).Select(static n => n.ToLowerInvariant()).ToArray();
        if (names.Any(string.IsNullOrEmpty))
        {
            error = "The authorization header is malformed; SignedHeaders has an empty name.";
            return false;
        }

        header = new SigV4AuthorizationHeader(parsed, names, signature);
        error = null;
        return true;
    }
}
