using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace LineageHub.Connectors.Git.Execution;

/// <summary>
/// One running git process. Standard output is exposed as a raw byte stream for the caller to stream;
/// standard error is drained concurrently (a full stderr pipe would otherwise block git and deadlock us)
/// and kept up to a cap for error messages. Cancellation and disposal kill the whole process tree.
/// </summary>
internal sealed class GitProcess : IAsyncDisposable
{
    private const int MaxErrorBytes = 16 * 1024;

    private readonly Process _process;
    private readonly Task<string> _error;
    private readonly CancellationTokenRegistration _cancellation;

    private GitProcess(Process process, string commandText, CancellationToken cancellationToken)
    {
        _process = process;
        CommandText = commandText;
        _error = DrainErrorAsync(process.StandardError.BaseStream);
        _cancellation = cancellationToken.Register(static state => ((GitProcess)state!).Kill(), this);
    }

    /// <summary>"git verb args…", for error messages.</summary>
    public string CommandText { get; }

    public Stream Output => _process.StandardOutput.BaseStream;

    public Stream Input => _process.StandardInput.BaseStream;

    public static GitProcess Start(
        GitConnectorOptions options,
        string workingDirectory,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string?>? environment,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var info = new ProcessStartInfo(options.GitExecutable)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in GitEnvironment.GlobalArguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        GitEnvironment.Apply(info.Environment, options.Environment, environment);
        var commandText = "git " + string.Join(' ', arguments);

        var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new GitConnectorException(GitErrorKind.GitNotFound, GitMessages.GitNotFound(options.GitExecutable, e.Message), e);
        }

        return new GitProcess(process, commandText, cancellationToken);
    }

    /// <summary>Closes git's standard input so commands reading it see end of input.</summary>
    public void CloseInput()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // git already exited and closed its end; its exit code tells the story.
        }
    }

    /// <summary>Waits for git to exit (after the caller drained its output) and returns the exit code and error text.</summary>
    public async Task<(int ExitCode, string Error)> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        var error = await _error.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return (_process.ExitCode, error);
    }

    /// <summary>Waits for git to exit and throws <see cref="GitConnectorException"/> unless it succeeded.</summary>
    public async Task EnsureSuccessAsync(CancellationToken cancellationToken)
    {
        var (exitCode, error) = await WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new GitConnectorException(GitErrorKind.CommandFailed, GitMessages.CommandFailed(CommandText, exitCode, error));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cancellation.DisposeAsync().ConfigureAwait(false);
        Kill();
        try
        {
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            await _error.ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped: nothing left to wait for.
        }

        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        catch (Win32Exception)
        {
            // Exited while we walked its tree.
        }
    }

    private static async Task<string> DrainErrorAsync(Stream stream)
    {
        var kept = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                var room = MaxErrorBytes - (int)kept.Length;
                if (room > 0)
                {
                    kept.Write(buffer, 0, Math.Min(room, read));
                }
            }
        }
        catch (IOException)
        {
            // The process was killed mid-write; what we have is what there is.
        }
        catch (ObjectDisposedException)
        {
        }

        return Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length).Trim();
    }
}
