namespace Stowage.Server.Tests.S3.Support;

/// <summary>A clock that reads what the test says.</summary>
internal sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
