using Stowage.Core.Errors;
using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3;

/// <summary>
/// What an XML answer may echo of the request and of the store. XML 1.0 cannot carry some characters
/// (<see cref="S3XmlCharacters"/>: U+0001, U+FFFF …), and S3's answer to that is <c>encoding-type=url</c>, which
/// URL-encodes the keys a listing returns and the parameters that name keys. So (docs/protocols/s3.md, "Keys and
/// XML"): a listing parameter that cannot be echoed is 400 InvalidArgument naming it, unless the listing is
/// URL-encoded; a parameter S3 never encodes (upload-id-marker, continuation-token) is refused either way; a listed
/// key that cannot be echoed (one stored before Stowage refused such keys) is 400 InvalidArgument asking for
/// <c>encoding-type=url</c>; and an answer that names the request's key outside a listing refuses it up front.
/// Nothing reaches the XML writer that would make it throw.
/// </summary>
internal static class S3XmlEcho
{
    public const string EncodingType = "encoding-type";

    /// <summary>The value as the answer carries it: as is, or URL-encoded with '/' kept, as S3 does for <c>encoding-type=url</c>.</summary>
    public static string Render(string value, bool urlEncoded) =>
        urlEncoded ? Uri.EscapeDataString(value).Replace("%2F", "/", StringComparison.Ordinal) : value;

    /// <summary>Null when a listing can echo the parameter (as is, or URL-encoded when <paramref name="urlEncoded"/>); else the 400.</summary>
    public static Failure? Parameter(string name, string? value, bool urlEncoded)
    {
        if (value is null)
        {
            return null;
        }

        if (S3XmlCharacters.HasUnpairedSurrogate(value))
        {
            return Invalid(name, $"The {name} parameter is not valid Unicode: it holds a surrogate without its pair.");
        }

        var at = S3XmlCharacters.IndexOfUnrepresentable(value);
        return at < 0 || urlEncoded
            ? null
            : Invalid(name, $"The {name} parameter holds {S3XmlCharacters.Describe(value, at)}, which XML 1.0 cannot carry: add encoding-type=url to have it URL-encoded in the answer.");
    }

    /// <summary>Null when the parameter can be echoed as it is; else the 400. For parameters S3 never URL-encodes.</summary>
    public static Failure? VerbatimParameter(string name, string? value)
    {
        var at = value is null ? -1 : S3XmlCharacters.IndexOfUnrepresentable(value);
        return at < 0 ? null : Invalid(name, $"The {name} parameter holds {S3XmlCharacters.Describe(value!, at)}, which XML 1.0 cannot carry.");
    }

    /// <summary>Null when the listing can name every key and prefix it returns; else the 400 asking for encoding-type=url.</summary>
    public static Failure? Listed(IEnumerable<string> names, bool urlEncoded)
    {
        if (urlEncoded)
        {
            return null;
        }

        foreach (var name in names)
        {
            var at = S3XmlCharacters.IndexOfUnrepresentable(name);
            if (at >= 0)
            {
                return Invalid(
                    EncodingType,
                    $"The listing holds the key '{S3XmlCharacters.Printable(name)}' (shown percent-encoded), whose {S3XmlCharacters.Describe(name, at)} XML 1.0 cannot carry; "
                    + "it was stored before Stowage refused such keys. List with encoding-type=url, or delete the key.");
            }
        }

        return null;
    }

    /// <summary>
    /// Null when an answer that names the request's key (ListParts, CompleteMultipartUpload) can carry it; else the
    /// 400. New keys never fail this (the core refuses them at write); an upload begun before that can be aborted.
    /// </summary>
    public static Failure? Key(string key)
    {
        var at = S3XmlCharacters.IndexOfUnrepresentable(key);
        return at < 0
            ? null
            : Failure.Because(
                StowageErrors.InvalidField,
                $"The object key holds {S3XmlCharacters.Describe(key, at)} (character {at + 1}), which XML 1.0 cannot carry, so this answer cannot name it; "
                + "such keys are no longer accepted. An upload begun with one can be aborted (AbortMultipartUpload).");
    }

    private static Failure Invalid(string argument, string message) =>
        new(StowageErrors.InvalidField, new Dictionary<string, object?> { ["ArgumentName"] = argument }, reason: message);
}
