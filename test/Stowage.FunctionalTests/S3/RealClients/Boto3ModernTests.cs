using Stowage.FunctionalTests.Infrastructure;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.RealClients;

/// <summary>
/// boto3 as pinned in clients/requirements.txt (1.43), run by the tests' own venv (<see cref="TestPython"/>): CRC32
/// checksums on every upload.
/// </summary>
public sealed class Boto3ModernTests(S3ServerFixture fixture)
    : Boto3Tests(fixture, TestPython.Interpreter, TestPython.PinnedVersion("boto3")), IClassFixture<S3ServerFixture>
{
    protected override bool SendsCrc32 => true;
}
