using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace LineageHub.Storage.Sqlite;

/// <summary>
/// The store's idle <see cref="ReaderSession"/>s. A call rents one (or opens a new connection when none is
/// idle) and gives it back; a handful stay open, enough for the threads that read at once, and the rest
/// are closed. An idle session holds no read transaction: its statements are reset when their readers
/// are disposed, so checkpoints and the writer are never held up by it.
/// </summary>
internal sealed class ReaderSessions(string connectionString) : IDisposable
{
    internal static readonly int MaxIdle = Math.Max(4, 2 * Environment.ProcessorCount);

    private readonly ConcurrentBag<ReaderSession> _idle = [];
    private int _idleCount;
    private volatile bool _disposed;

    public ReaderSession Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryTake(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            return session;
        }
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return new ReaderSession(this, connection);
    }

    public void Return(ReaderSession session)
    {
        if (_disposed || session.Connection.State != System.Data.ConnectionState.Open)
        {
            session.Close();
            return;
        }
        if (Interlocked.Increment(ref _idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            session.Close();
            return;
        }
        _idle.Add(session);
        if (_disposed)
        {
            // Disposed while this one was being given back: it must not be left open.
            CloseIdle();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        CloseIdle();
    }

    private void CloseIdle()
    {
        while (_idle.TryTake(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            session.Close();
        }
    }
}
