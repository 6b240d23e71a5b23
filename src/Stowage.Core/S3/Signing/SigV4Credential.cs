using System.Diagnostics.CodeAnalysis;

namespace Stowage.Core.S3.Signing;

/// <summary>
/// The <c>Credential</c> of an Authorization header or the <c>X-Amz-Credential</c> of a presigned URL:
/// <c>&lt;access key id&gt;/&lt;yyyymmdd&gt;/&lt;region&gt;/&lt;service&gt;/aws4_request</c>.
/// </summary>
public sealed record SigV4Credential(string AccessKeyId, SigV4Scope Scope)
{
    /// <summary>Splits the five parts; only the shape is checked here (the verifier checks date and service).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SigV4Credential? credential)
    {
        credential = null;
        var parts = text?.Split('/');
        if (parts is not { Length: 5 }
            || parts[..4].Any(string.IsNullOrEmpty)
            || !string.Equals(parts[4], SigV4.Terminator, StringComparison.Ordinal))
        {
            return false;
        }

        credential = new SigV4Credential(parts[0], new SigV4Scope(parts[1], parts[2], parts[3]));
        return true;
    }

    public override string ToString() => $"{AccessKeyId}/{Scope}";
}
