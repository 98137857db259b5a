using Microsoft.Data.Sqlite;

namespace LineageHub.Storage.Sqlite;

/// <summary>
/// An open read connection and the statements prepared on it, rented from <see cref="ReaderSessions"/> for
/// one store call. SQLite compiles a statement each time a new command runs it; a hot read (a page of runs
/// every request) spent as long compiling its query as running it, so a session keeps its commands, and a
/// command run again binds its new parameters to the statement already compiled.
/// </summary>
internal sealed class ReaderSession : IDisposable
{
    // Every query text is a constant or one of a few variants (a direction, an order): a session that
    // somehow collects more has its cache emptied rather than grown without bound.
    private const int MaxCommands = 32;

    private readonly ReaderSessions _owner;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public ReaderSession(ReaderSessions owner, SqliteConnection connection)
    {
        _owner = owner;
        Connection = connection;
    }

    public SqliteConnection Connection { get; }

    /// <summary>The session's command for <paramref name="sql"/>, its parameters cleared for this call. Not to be disposed by the caller.</summary>
    public SqliteCommand Command(string sql)
    {
        if (_commands.TryGetValue(sql, out var command))
        {
            command.Parameters.Clear();
            return command;
        }
        if (_commands.Count == MaxCommands)
        {
            DisposeCommands();
        }
        command = Connection.CreateCommand();
        command.CommandText = sql;
        _commands[sql] = command;
        return command;
    }

    /// <summary>Gives the session back to the pool (its readers must be disposed first).</summary>
    public void Dispose() => _owner.Return(this);

    /// <summary>Closes the connection and finalizes its statements.</summary>
    public void Close()
    {
        DisposeCommands();
        Connection.Dispose();
    }

    private void DisposeCommands()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
    }
}
