namespace LineageHub.Connectors.Git.Execution;

/// <summary>The outcome of a short git command whose output was read whole.</summary>
internal sealed record GitResult(int ExitCode, byte[] Output, string Error, string CommandText)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The output as ASCII/UTF-8 text without the trailing line break.</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Output).TrimEnd('\n');

    public GitResult EnsureSuccess() => Succeeded
        ? this
        : throw new GitConnectorException(GitErrorKind.CommandFailed, GitMessages.CommandFailed(CommandText, ExitCode, Error));
}
