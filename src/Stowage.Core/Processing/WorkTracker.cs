namespace Stowage.Core.Processing;

/// <summary>
/// Progress of one project job. Hashing is measured exactly (bytes hashed of bytes to hash). An
/// archive's unpacked size is unknown until the end, so unpacking counts as half the work and moves
/// through it as e/(e + packed) for e bytes unpacked: monotonic, tied to real work, and finished
/// only when the job is.
/// </summary>
internal sealed class WorkTracker(ProgressReporter reporter, long bytesToHash, bool unpacking)
{
    private long _hashed;
    private long _unpacked;
    private long _packed = 1;

    public void Hashed(long bytes) => _hashed += bytes;

    public void Unpacked(long bytes, long packedSize)
    {
        _unpacked += bytes;
        _packed = Math.Max(1, packedSize);
    }

    public Task ReportAsync(CancellationToken cancellationToken) => reporter.ReportAsync(Fraction, force: false, cancellationToken);

    private double Fraction
    {
        get
        {
            var hashing = bytesToHash == 0 ? 1.0 : Math.Min(1.0, (double)_hashed / bytesToHash);
            if (!unpacking)
            {
                return hashing;
            }

            var unpack = (double)_unpacked / (_unpacked + _packed);
            return (hashing * 0.5) + (unpack * 0.5);
        }
    }
}
