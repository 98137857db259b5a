using System.Runtime.CompilerServices;
using System.Text;
using LineageHub.Connectors.Git.Parsing;
using LineageHub.Connectors.Git.Execution;

namespace LineageHub.Connectors.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// Streams the commits reachable from <paramref name="revision"/>, leaving out those reachable from
    /// any of <paramref name="knownCommits"/> (incremental capture: pass the commits already captured —
    /// their tips suffice; ones no longer in the repository are ignored).
    /// </summary>
    /// <remarks>
    /// Two git processes in all: <c>rev-list</c> walks the history and its output is piped into
    /// <c>cat-file --batch</c>, whose size-prefixed raw objects are parsed from a pooled buffer.
    /// </remarks>
    /// <exception cref="GitConnectorException">
    /// <see cref="GitErrorKind.ShallowClone"/> for a shallow clone (unless allowed by the options),
    /// <see cref="GitErrorKind.UnknownRevision"/> when <paramref name="revision"/> names no commit.
    /// </exception>
    public async IAsyncEnumerable<GitCommitInfo> EnumerateCommitsAsync(
        string revision,
        IEnumerable<string>? knownCommits = null,
        GitCommitOrder order = GitCommitOrder.NewestFirst,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EnsureCompleteHistory();
        var (tip, present) = await ResolveWalkAsync(revision, knownCommits, cancellationToken).ConfigureAwait(false);
        var walk = new StringBuilder().Append(tip.Value).Append('\n');
        foreach (var known in present)
        {
            walk.Append('^').Append(known).Append('\n');
        }

        List<string> arguments = ["rev-list", "--stdin", "--ignore-missing"];
        if (order == GitCommitOrder.ParentsFirst)
        {
            arguments.AddRange(["--topo-order", "--reverse"]);
        }

        await foreach (var commit in ReadCommitsAsync(arguments, Encoding.UTF8.GetBytes(walk.ToString()), cancellationToken).ConfigureAwait(false))
        {
            yield return commit;
        }
    }

    /// <summary>
    /// Resolves the tip and keeps the known commits that still exist here, as commit ids, in one
    /// cat-file: rev-list fails on an object it lacks (a commit captured before a force-push and gc),
    /// and --ignore-missing only forgives names that do not parse, not full ids of absent objects.
    /// </summary>
    private async Task<(GitObjectId Tip, List<string> Known)> ResolveWalkAsync(
        string revision, IEnumerable<string>? knownCommits, CancellationToken cancellationToken)
    {
        ValidateRevision(revision);
        var query = new StringBuilder().Append(revision).Append("^{commit}\n");
        foreach (var known in knownCommits ?? [])
        {
            ValidateRevision(known);
            query.Append(known).Append("^{commit}\n");
        }

        // One answer line per question: the commit id, or "QUESTION missing" / "QUESTION ambiguous";
        // so the answer is at most twice the question.
        var input = Encoding.UTF8.GetBytes(query.ToString());
        var result = await _git.RunCheckedAsync(
            ["cat-file", "--batch-check=%(objectname)"], cancellationToken, input, maxOutputBytes: (input.Length * 2) + 4096).ConfigureAwait(false);
        var lines = result.Text.Split('\n');
        if (!GitObjectId.TryParse(lines[0], out var tip))
        {
            // Let rev-parse say precisely what is wrong (unknown revision, or no commits yet).
            tip = await ResolveCommitAsync(revision, cancellationToken).ConfigureAwait(false);
        }

        var present = new List<string>();
        foreach (var line in lines.Skip(1))
        {
            if (GitObjectId.TryParse(line, out var id))
            {
                present.Add(id.Value);
            }
        }

        return (tip, present);
    }

    /// <summary>Reads one commit.</summary>
    /// <exception cref="GitConnectorException"><see cref="GitErrorKind.UnknownRevision"/> when it names no commit.</exception>
    public async Task<GitCommitInfo> GetCommitAsync(string revision, CancellationToken cancellationToken = default)
    {
        var id = await ResolveCommitAsync(revision, cancellationToken).ConfigureAwait(false);
        await foreach (var commit in ReadCommitsAsync(
            ["rev-list", "--stdin", "--no-walk"], Encoding.ASCII.GetBytes(id.Value + "\n"), cancellationToken).ConfigureAwait(false))
        {
            return commit;
        }

        throw new GitConnectorException(GitErrorKind.UnknownRevision, GitMessages.UnknownRevision(revision, Root));
    }

    /// <summary>Runs a rev-list whose object names feed cat-file, and parses the commits cat-file prints.</summary>
    private async IAsyncEnumerable<GitCommitInfo> ReadCommitsAsync(
        IReadOnlyList<string> revListArguments,
        byte[] revListInput,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var revList = _git.Start(revListArguments, stop.Token);
        GitProcess? catFile = null;
        Task? pump = null;
        try
        {
            catFile = _git.Start(["cat-file", "--batch"], stop.Token);
            pump = PumpAsync(revList, revListInput, catFile, stop.Token);

            var keep = Options.MaxMessageBytes + Options.MaxRecordBytes;
            using var output = new GitOutputReader(catFile.Output, catFile.CommandText, keep);
            var commits = new CatFileCommitReader(output, keep, Options.MaxMessageBytes);
            while (true)
            {
                if (commits.TryRead(out var commit, out var needed))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return commit!;
                    continue;
                }

                if (!await output.FillAsync(stop.Token, needed).ConfigureAwait(false))
                {
                    break;
                }
            }

            if (output.Buffered > 0)
            {
                throw output.Malformed("output ends inside an object");
            }

            await pump.ConfigureAwait(false);
            await catFile.EnsureSuccessAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await revList.DisposeAsync().ConfigureAwait(false);
            if (catFile is not null)
            {
                await catFile.DisposeAsync().ConfigureAwait(false);
            }

            if (pump is not null)
            {
                await ObserveAsync(pump).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Feeds rev-list its walk on stdin (no argument-length limit however many known commits), and
    /// copies its output — one object name per line, exactly cat-file's input format — into cat-file.
    /// </summary>
    private static async Task PumpAsync(GitProcess revList, byte[] input, GitProcess catFile, CancellationToken cancellationToken)
    {
        var feeding = FeedAsync(revList, input, cancellationToken);
        try
        {
            await revList.Output.CopyToAsync(catFile.Input, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            // cat-file stopped reading; it reports its own failure, and rev-list's exit is checked below.
        }
        finally
        {
            catFile.CloseInput();
        }

        await feeding.ConfigureAwait(false);
        await revList.EnsureSuccessAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task FeedAsync(GitProcess process, byte[] input, CancellationToken cancellationToken)
    {
        try
        {
            await process.Input.WriteAsync(input, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // git stopped reading early; its exit code says why.
        }
        finally
        {
            process.CloseInput();
        }
    }

    private static async Task ObserveAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or GitConnectorException or ObjectDisposedException)
        {
            // Already reported through the main path, or the consumer stopped early and we killed git.
        }
    }
}
