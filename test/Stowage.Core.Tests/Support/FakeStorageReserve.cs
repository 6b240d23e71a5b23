using Stowage.Core.Capacity;

namespace Stowage.Core.Tests.Support;

/// <summary>A storage reserve whose disk has room when <see cref="CanRestore"/> says so; counts how often it is asked.</summary>
internal sealed class FakeStorageReserve : IStorageReserve
{
    public bool InPlace { get; private set; } = true;

    public bool CanRestore { get; set; } = true;

    public int RestoreCalls { get; private set; }

    public long Release()
    {
        var freed = InPlace ? 1024L : 0;
        InPlace = false;
        return freed;
    }

    public bool TryRestore()
    {
        RestoreCalls++;
        InPlace |= CanRestore;
        return CanRestore;
    }
}
