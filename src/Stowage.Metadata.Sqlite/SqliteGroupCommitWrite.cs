using Microsoft.Data.Sqlite;

namespace Stowage.Metadata.Sqlite;

/// <summary>A queued write with a result of type <typeparamref name="T"/>.</summary>
internal sealed class SqliteGroupCommitWrite<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work) : SqliteGroupCommitItem
{
    private readonly TaskCompletionSource<T> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? result;

    public Task<T> Task => done.Task;

    public override async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction) => result = await work(connection, transaction);

    public override void Complete() => done.TrySetResult(result!);

    public override void Fail(Exception error) => done.TrySetException(error);
}
