namespace Stowage.Core.Errors;

/// <summary>
/// What a failure means, independent of any wire protocol. Each front door turns a kind into its own
/// status (the Sessions API's HTTP status, S3's status beside its own code, later Portal, Links and tus),
/// so the core never names an HTTP status (docs/ARCHITECTURE.md, "Errors").
/// </summary>
public enum ErrorKind
{
    /// <summary>The request is malformed, or a value is out of the accepted range.</summary>
    Invalid,

    /// <summary>No credential, or one that is unknown, revoked, expired or malformed.</summary>
    Unauthenticated,

    /// <summary>The account's storage quota would be exceeded.</summary>
    QuotaExceeded,

    /// <summary>The caller is known but may not do this (scope, ownership, plan, a signature that does not hold).</summary>
    Forbidden,

    /// <summary>The resource does not exist, or is not the caller's to see.</summary>
    NotFound,

    /// <summary>The operation does not apply to this resource.</summary>
    MethodNotAllowed,

    /// <summary>The resource's present state forbids it (a gap in the bytes, another writer, a name taken).</summary>
    Conflict,

    /// <summary>A length the operation needs up front is missing.</summary>
    LengthRequired,

    /// <summary>A condition the client set does not hold.</summary>
    PreconditionFailed,

    /// <summary>A size limit would be exceeded (a file, a session, a part).</summary>
    TooLarge,

    /// <summary>The content's type is not accepted (an extension outside the allow-list).</summary>
    UnsupportedType,

    /// <summary>A requested byte range lies outside the content.</summary>
    RangeNotSatisfiable,

    /// <summary>Too many requests; the failure carries when to retry.</summary>
    RateLimited,

    /// <summary>The server failed unexpectedly; a retry may succeed.</summary>
    Internal,

    /// <summary>The request asks for something the server does not implement.</summary>
    NotImplemented,

    /// <summary>A backend or a contended resource is unavailable for now; retry.</summary>
    Unavailable,

    /// <summary>The storage is full; only deleting frees it.</summary>
    StorageFull,
}
