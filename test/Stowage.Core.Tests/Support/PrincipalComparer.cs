using Stowage.Core.Accounts;

namespace Stowage.Core.Tests.Support;

/// <summary>Principals compared by value, their scope lists by their items (a record compares lists by reference).</summary>
internal sealed class PrincipalComparer : IEqualityComparer<Principal>
{
    public static readonly PrincipalComparer Instance = new();

    public bool Equals(Principal? x, Principal? y) =>
        x is not null && y is not null
            ? x with { Scopes = [] } == y with { Scopes = [] } && x.Scopes.SequenceEqual(y.Scopes)
            : ReferenceEquals(x, y);

    public int GetHashCode(Principal obj) => obj.AccountId.GetHashCode(StringComparison.Ordinal);
}
