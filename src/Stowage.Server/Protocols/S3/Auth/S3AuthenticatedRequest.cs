using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3.Auth;

/// <summary>Who sent a request whose signature checked out, and its body to read.</summary>
internal sealed record S3AuthenticatedRequest(S3Principal Principal, S3RequestBody Body);
