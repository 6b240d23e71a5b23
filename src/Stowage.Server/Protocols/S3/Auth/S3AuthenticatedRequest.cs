using Stowage.Core.Accounts;

namespace Stowage.Server.Protocols.S3.Auth;

/// <summary>Who sent a request whose signature checked out, and its body to read.</summary>
internal sealed record S3AuthenticatedRequest(Principal Principal, S3RequestBody Body);
