using System.Text;
using LineageHub.Connectors.Git.Tests.Support;

namespace LineageHub.Connectors.Git.Tests;

public sealed class CommitCaptureTests : IDisposable
{
    private readonly GitSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task EnumerateCommits_LinearHistory_ReturnsEveryCommitNewestFirstWithParents()
    {
        var repo = _sandbox.CreateRepository();
        var first = repo.Write("a.txt", "1").Commit("first");
        var second = repo.Write("a.txt", "2").Commit("second");
        var third = repo.Write("a.txt", "3").Commit("third");

        var git = await _sandbox.OpenAsync(repo.Path);
        var commits = await git.EnumerateCommitsAsync("main").ToListAsync();

        Assert.Equal([third, second, first], commits.Select(c => c.Id.Value));
        Assert.Empty(commits[2].Parents);
        Assert.Equal([first], commits[1].Parents.Select(p => p.Value));
        Assert.Equal(repo.Git("rev-parse", third + "^{tree}"), commits[0].TreeId.Value);
    }

    [Fact]
    public async Task EnumerateCommits_KeepsAuthorAndCommitterWithTheirUtcOffsets()
    {
        var repo = _sandbox.CreateRepository();
        var authored = new DateTimeOffset(2024, 5, 6, 7, 8, 9, new TimeSpan(5, 30, 0));
        var committed = new DateTimeOffset(2024, 5, 7, 1, 2, 3, TimeSpan.FromHours(-7));
        repo.Write("a.txt", "x").Commit("dated", authored, committed);

        var git = await _sandbox.OpenAsync(repo.Path);
        var commit = Assert.Single(await git.EnumerateCommitsAsync("HEAD").ToListAsync());

        Assert.Equal("Ada Lovelace", commit.Author.Name.Text);
        Assert.Equal("ada@example.com", commit.Author.Email.Text);
        Assert.Equal(authored, commit.Author.When);
        Assert.Equal(new TimeSpan(5, 30, 0), commit.Author.When.Offset);
        Assert.Equal("+0530", commit.Author.RawOffset);
        Assert.Equal(committed, commit.Committer.When);
        Assert.Equal(TimeSpan.FromHours(-7), commit.Committer.When.Offset);
    }

    [Fact]
    public async Task EnumerateCommits_MultiLineMessage_IsKeptWhole()
    {
        var repo = _sandbox.CreateRepository();
        repo.Write("a.txt", "x").Commit("Subject line\n\nBody paragraph one.\nLine two: ü ✓\n\nTrailer: yes");

        var git = await _sandbox.OpenAsync(repo.Path);
        var commit = await git.GetCommitAsync("HEAD");

        Assert.Equal("Subject line\n\nBody paragraph one.\nLine two: ü ✓\n\nTrailer: yes\n", commit.Message.Text);
        Assert.True(commit.Message.IsExact);
        Assert.Equal("Subject line", commit.Subject);
        Assert.Null(commit.Encoding);
        Assert.False(commit.IsMessageTruncated);
    }

    [Fact]
    public async Task EnumerateCommits_MergeHistory_RecordsBothParentsInOrder()
    {
        var repo = _sandbox.CreateRepository();
        repo.Write("a.txt", "base").Commit("base");
        repo.Git("checkout", "-q", "-b", "feature");
        var feature = repo.Write("b.txt", "feature").Commit("feature work");
        repo.Git("checkout", "-q", "main");
        var mainline = repo.Write("c.txt", "main").Commit("main work");
        var merge = MergeNoFf(repo, "feature");

        var git = await _sandbox.OpenAsync(repo.Path);
        var commits = await git.EnumerateCommitsAsync("main").ToListAsync();

        var mergeCommit = commits.Single(c => c.Id.Value == merge);
        Assert.Equal([mainline, feature], mergeCommit.Parents.Select(p => p.Value));
        Assert.Equal(4, commits.Count);
        Assert.Equal("merge feature", mergeCommit.Subject);
    }

    private static string MergeNoFf(TestRepository repo, string branch)
    {
        repo.Git("merge", "-q", "--no-ff", "-m", "merge " + branch, branch);
        return repo.Head();
    }

    [Fact]
    public async Task EnumerateCommits_ParentsFirst_ListsEveryParentBeforeItsChildren()
    {
        var repo = _sandbox.CreateRepository();
        repo.Write("a.txt", "base").Commit("base");
        repo.Git("checkout", "-q", "-b", "feature");
        repo.Write("b.txt", "1").Commit("f1");
        repo.Write("b.txt", "2").Commit("f2");
        repo.Git("checkout", "-q", "main");
        repo.Write("c.txt", "1").Commit("m1");
        MergeNoFf(repo, "feature");

        var git = await _sandbox.OpenAsync(repo.Path);
        var commits = await git.EnumerateCommitsAsync("main", order: GitCommitOrder.ParentsFirst).ToListAsync();

        var position = commits.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        Assert.Equal(5, commits.Count);
        Assert.All(commits, c => Assert.All(c.Parents, p => Assert.True(position[p] < position[c.Id])));
    }

    [Fact]
    public async Task EnumerateCommits_WithKnownCommits_ReturnsOnlyNewOnes()
    {
        var repo = _sandbox.CreateRepository();
        repo.Write("a.txt", "1").Commit("one");
        var known = repo.Write("a.txt", "2").Commit("two");
        var newer = repo.Write("a.txt", "3").Commit("three");
        var newest = repo.Write("a.txt", "4").Commit("four");

        var git = await _sandbox.OpenAsync(repo.Path);
        var commits = await git.EnumerateCommitsAsync("main", [known]).ToListAsync();

        Assert.Equal([newest, newer], commits.Select(c => c.Id.Value));
    }

    [Fact]
    public async Task EnumerateCommits_KnownCommitMissingFromRepository_IsIgnored()
    {
        var repo = _sandbox.CreateRepository();
        var only = repo.Write("a.txt", "1").Commit("one");

        var git = await _sandbox.OpenAsync(repo.Path);
        var commits = await git.EnumerateCommitsAsync("main", [new string('a', 40)]).ToListAsync();

        Assert.Equal([only], commits.Select(c => c.Id.Value));
    }

    [Fact]
    public async Task EnumerateCommits_UnknownRef_ThrowsNamingTheRef()
    {
        var repo = _sandbox.CreateRepository();
        repo.Write("a.txt", "1").Commit("one");

        var git = await _sandbox.OpenAsync(repo.Path);
        var error = await Assert.ThrowsAsync<GitConnectorException>(() => git.EnumerateCommitsAsync("no-such-branch").ToListAsync());

        Assert.Equal(GitErrorKind.UnknownRevision, error.Kind);
        Assert.Equal(GitMessages.UnknownRevision("no-such-branch", git.Root), error.Message);
    }

    [Fact]
    public async Task GetCommit_UnbornHead_SaysThereAreNoCommits()
    {
        var repo = _sandbox.CreateRepository();

        var git = await _sandbox.OpenAsync(repo.Path);
        var error = await Assert.ThrowsAsync<GitConnectorException>(() => git.GetCommitAsync("HEAD"));

        Assert.Equal(GitErrorKind.NoCommits, error.Kind);
        Assert.Equal(GitMessages.NoCommits(git.Root), error.Message);
    }

    [Theory]
    [InlineData("main\nHEAD")]
    [InlineData("")]
    [InlineData("a\0b")]
    public async Task ResolveCommit_RevisionWithLineBreakOrNul_IsRefused(string revision)
    {
        var repo = _sandbox.CreateRepository();
        repo.Write("a.txt", "1").Commit("one");

        var git = await _sandbox.OpenAsync(repo.Path);
        var error = await Assert.ThrowsAsync<GitConnectorException>(() => git.ResolveCommitAsync(revision));

        Assert.Equal(GitErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(GitMessages.InvalidRevision(revision), error.Message);
    }

    [Fact]
    public async Task GetCommit_DeclaredLatin1Message_KeepsBytesAndDecodesThem()
    {
        var repo = _sandbox.CreateRepository();
        var latin1 = Encoding.Latin1.GetBytes("Caf\u00e9 cr\u00e8me\n");
        repo.CommitRawMessage(latin1, "i18n.commitEncoding=ISO-8859-1");

        var git = await _sandbox.OpenAsync(repo.Path);
        var commit = await git.GetCommitAsync("HEAD");

        Assert.Equal("ISO-8859-1", commit.Encoding);
        Assert.Equal(latin1, commit.Message.Bytes.ToArray());
        Assert.Equal("Caf\u00e9 cr\u00e8me\n", commit.Message.Text);
        Assert.True(commit.Message.IsExact);
    }

    [Fact]
    public async Task GetCommit_MessageThatIsNotUtf8_KeepsBytesAndEscapesThem()
    {
        var repo = _sandbox.CreateRepository();
        repo.Write("a.txt", "1").Commit("base");
        byte[] raw = [.. "bad "u8, 0xff, 0xfe, .. " bytes \\ here\n"u8];
        repo.CommitRawObject("Ada Lovelace <ada@example.com> 1700000000 +0100"u8.ToArray(), raw);

        var git = await _sandbox.OpenAsync(repo.Path);
        var commit = await git.GetCommitAsync("HEAD");

        Assert.Equal(raw, commit.Message.Bytes.ToArray());
        Assert.Equal(@"bad \xff\xfe bytes \\ here" + "\n", commit.Message.Text);
        Assert.False(commit.Message.IsExact);
    }

    [Fact]
    public async Task GetCommit_AuthorNameNotUtf8AndImpossibleOffset_IsReadNotRejected()
    {
        var repo = _sandbox.CreateRepository();
        repo.Write("a.txt", "1").Commit("base");
        byte[] author = [.. "Jos"u8, 0xe9, .. " <jose@example.com> 1700000000 +9999"u8];
        repo.CommitRawObject(author, "odd ident\n"u8.ToArray());

        var git = await _sandbox.OpenAsync(repo.Path);
        var commit = await git.GetCommitAsync("HEAD");

        Assert.Equal(@"Jos\xe9", commit.Author.Name.Text);
        Assert.Equal("jose@example.com", commit.Author.Email.Text);
        Assert.Equal("+9999", commit.Author.RawOffset);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), commit.Author.When);
        Assert.Equal(TimeSpan.FromHours(1), commit.Committer.When.Offset);
    }

    [Fact]
    public async Task GetCommit_MessageOverTheLimit_IsCutAndFlagged()
    {
        var repo = _sandbox.CreateRepository();
        repo.Write("a.txt", "1").Commit(new string('m', 5000));

        var git = await _sandbox.OpenAsync(repo.Path, _sandbox.Options with { MaxMessageBytes = 100, MaxRecordBytes = 4096 });
        var commit = await git.GetCommitAsync("HEAD");

        Assert.True(commit.IsMessageTruncated);
        Assert.Equal(100, commit.Message.Bytes.Length);
        Assert.Equal("Ada Lovelace", commit.Author.Name.Text);
    }

    [Fact]
    public async Task EnumerateCommits_OversizedCommitBetweenOthers_IsCutWithoutDisturbingItsNeighbours()
    {
        var repo = _sandbox.CreateRepository();
        var before = repo.Write("a.txt", "1").Commit("before");
        var huge = repo.Write("a.txt", "2").Commit("huge\n\n" + new string('m', 20_000));
        var after = repo.Write("a.txt", "3").Commit("after");

        var git = await _sandbox.OpenAsync(repo.Path, _sandbox.Options with { MaxMessageBytes = 1000, MaxRecordBytes = 1000 });
        var commits = await git.EnumerateCommitsAsync("HEAD").ToListAsync();

        Assert.Equal([after, huge, before], commits.Select(c => c.Id.Value));
        Assert.Equal([false, true, false], commits.Select(c => c.IsMessageTruncated));
        Assert.Equal("after", commits[0].Subject);
        Assert.Equal("before", commits[2].Subject);
        Assert.Equal(before, commits[1].Parents.Single().Value);
    }

    [Fact]
    public async Task EnumerateCommits_ConsumerStopsEarly_StopsGitAndLaterCallsStillWork()
    {
        var repo = _sandbox.CreateRepository();
        for (var i = 0; i < 30; i++)
        {
            repo.Write("a.txt", i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Commit("c" + i);
        }

        var git = await _sandbox.OpenAsync(repo.Path);
        var seen = 0;
        await foreach (var _ in git.EnumerateCommitsAsync("HEAD"))
        {
            if (++seen == 3)
            {
                break;
            }
        }

        Assert.Equal(3, seen);
        Assert.Equal(30, (await git.EnumerateCommitsAsync("HEAD").ToListAsync()).Count);
    }

    [Fact]
    public async Task EnumerateCommits_Cancelled_ThrowsOperationCanceled()
    {
        var repo = _sandbox.CreateRepository();
        for (var i = 0; i < 10; i++)
        {
            repo.Write("a.txt", i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Commit("c" + i);
        }

        var git = await _sandbox.OpenAsync(repo.Path);
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in git.EnumerateCommitsAsync("HEAD", cancellationToken: cancellation.Token))
            {
                await cancellation.CancelAsync();
            }
        });
    }
}
