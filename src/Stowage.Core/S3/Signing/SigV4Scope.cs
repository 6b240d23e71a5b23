namespace Stowage.Core.S3.Signing;

/// <summary>
/// The credential scope <c>&lt;yyyymmdd&gt;/&lt;region&gt;/&lt;service&gt;/aws4_request</c>: what the signing key is
/// derived for, and the third line of every string-to-sign.
/// </summary>
public sealed record SigV4Scope(string Date, string Region, string Service)
{
    public override string ToString() => $"{Date}/{Region}/{Service}/{SigV4.Terminator}";
}
