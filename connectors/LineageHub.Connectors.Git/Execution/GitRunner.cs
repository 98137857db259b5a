namespace LineageHub.Connectors.Git.Execution;

/// <summary>Starts git in one folder with the connector's options.</summary>
internal sealed class GitRunner(GitConnectorOptions options, string workingDirectory)
{
    // Short commands (rev-parse, config) print a few lines; anything larger is a misuse we refuse to buffer.
    private const int MaxShortOutputBytes = 4 << 20;

    public GitConnectorOptions Options { get; } = options;

    public string WorkingDirectory { get; } = workingDirectory;

    public GitProcess Start(
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? environment = null) =>
        GitProcess.Start(Options, WorkingDirectory, arguments, environment, cancellationToken);

    /// <summary>Runs a command whose output is small, reading it whole; the exit code is the caller's to judge.</summary>
    public async Task<GitResult> RunAsync(
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken,
        ReadOnlyMemory<byte> input = default,
        IReadOnlyDictionary<string, string?>? environment = null,
        int maxOutputBytes = MaxShortOutputBytes)
    {
        await using var process = Start(arguments, cancellationToken, environment);
        var writing = WriteInputAsync(process, input, cancellationToken);
        var output = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await process.Output.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (output.Length + read > maxOutputBytes)
                {
                    throw new GitConnectorException(
                        GitErrorKind.LimitExceeded, GitMessages.RecordTooLarge(process.CommandText, maxOutputBytes));
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        await writing.ConfigureAwait(false);
        var (exitCode, error) = await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return new GitResult(exitCode, output.ToArray(), error, process.CommandText);
    }

    /// <summary>Runs a short command and returns its output, throwing unless it succeeded.</summary>
    public async Task<GitResult> RunCheckedAsync(
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken,
        ReadOnlyMemory<byte> input = default,
        IReadOnlyDictionary<string, string?>? environment = null,
        int maxOutputBytes = MaxShortOutputBytes) =>
        (await RunAsync(arguments, cancellationToken, input, environment, maxOutputBytes).ConfigureAwait(false)).EnsureSuccess();

    private static async Task WriteInputAsync(GitProcess process, ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
    {
        try
        {
            if (!input.IsEmpty)
            {
                await process.Input.WriteAsync(input, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (IOException)
        {
            // git stopped reading (it failed early); its exit code and stderr say why.
        }
        finally
        {
            process.CloseInput();
        }
    }
}
