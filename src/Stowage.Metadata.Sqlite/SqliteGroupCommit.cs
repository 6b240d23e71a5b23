using Microsoft.Data.Sqlite;

namespace Stowage.Metadata.Sqlite;

/// <summary>
/// Group commit for small hot-path writes. SQLite fsyncs once per commit (synchronous=FULL) and has no
/// group commit of its own, so N concurrent uploads each reserving or advancing a file would cost N
/// serial fsyncs. Here, writes that arrive while a commit is in flight queue up and run together, in
/// order, in the next transaction: one fsync for all. Each runs on the same connection, so it sees the
/// writes before it (a reservation counts the ones queued ahead of it against the quota). Each caller's
/// task completes only after the commit that holds its write, so durability per call is unchanged; a
/// lone caller pays no extra latency.
/// </summary>
internal sealed class SqliteGroupCommit(Func<Func<SqliteConnection, SqliteTransaction, Task<bool>>, Task<bool>> transact)
{
    /// <summary>Bounds one transaction's size (and so the write-lock hold time) under a burst.</summary>
    private const int MaxBatch = 64;

    private readonly Lock gate = new();
    private List<SqliteGroupCommitItem> queue = [];
    private bool flushing;

    public async Task<T> RunAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work)
    {
        var item = new SqliteGroupCommitWrite<T>(work);
        bool lead;
        lock (gate)
        {
            queue.Add(item);
            lead = !flushing;
            flushing = true;
        }

        if (lead)
        {
            await FlushAsync();
        }

        return await item.Task;
    }

    /// <summary>Commits one batch, then hands writes queued meanwhile to a pool thread, so no caller waits on others' batches.</summary>
    private async Task FlushAsync()
    {
        List<SqliteGroupCommitItem> batch;
        lock (gate)
        {
            batch = queue.Count <= MaxBatch ? queue : queue[..MaxBatch];
            queue = queue.Count <= MaxBatch ? [] : queue[MaxBatch..];
        }

        await CommitAsync(batch);

        lock (gate)
        {
            if (queue.Count == 0)
            {
                flushing = false;
                return;
            }
        }

        _ = Task.Run(FlushAsync);
    }

    private async Task CommitAsync(List<SqliteGroupCommitItem> batch)
    {
        try
        {
            await transact(async (connection, transaction) =>
            {
                foreach (var item in batch)
                {
                    await item.RunAsync(connection, transaction);
                }

                return true;
            });
        }
        catch (Exception) when (batch.Count > 1)
        {
            // One bad write must not fail its neighbours: run each alone so only the culprit sees the error.
            foreach (var item in batch)
            {
                await CommitAloneAsync(item);
            }

            return;
        }
        catch (Exception e)
        {
            batch[0].Fail(e);
            return;
        }

        foreach (var item in batch)
        {
            item.Complete();
        }
    }

    private async Task CommitAloneAsync(SqliteGroupCommitItem item)
    {
        try
        {
            await transact(async (connection, transaction) =>
            {
                await item.RunAsync(connection, transaction);
                return true;
            });
            item.Complete();
        }
        catch (Exception e)
        {
            item.Fail(e);
        }
    }
}
