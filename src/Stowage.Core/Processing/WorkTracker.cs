namespace Stowage.Core.Processing;

/// <summary>
/// Progress of one project job: bytes hashed of bytes to hash, then (for an archive, as the second
/// half of the work) bytes of the archive file the reader has consumed of its size.
/// </summary>
internal sealed class WorkTracker(ProgressReporter reporter, long bytesToHash, bool unpacking)
{
    private long _hashed;
    private long _consumed;
    private long _packed = 1;

    public void Hashed(long bytes) => _hashed += bytes;

    public void Unpacking(long consumed, long packedSize)
    {
        _consumed = Math.Max(_consumed, consumed);
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

            var unpack = Math.Min(1.0, (double)_consumed / _packed);
            return (hashing * 0.5) + (unpack * 0.5);
        }
    }
}
