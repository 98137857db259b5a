using LineageHub.Connectors.Git.Tests.Support;
using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Storage.Sqlite;

namespace LineageHub.Connectors.Git.Tests;

/// <summary>Code capture turns real repositories into lineage facts a store accepts.</summary>
public sealed class CodeCaptureTests : IDisposable
{
    private readonly GitSandbox _sandbox = new();
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"lineagehub-capture-{Guid.NewGuid():N}");

    public void Dispose()
    {
        _sandbox.Dispose();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task Capture_OfAHistoryWithAMerge_RecordsEveryCommitWithItsParents()
    {
        var repo = _sandbox.CreateRepository();
        var root = repo.Write("train.py", "lr = 0.1\n").Commit("initial");
        repo.Git("checkout", "-q", "-b", "feature");
        var feature = repo.Write("clean.py", "drop_nulls()\n").Commit("cleaning step");
        repo.Git("checkout", "-q", "main");
        var main = repo.Write("train.py", "lr = 0.05\n").Commit("lower the learning rate");
        repo.Git("merge", "-q", "--no-edit", "feature");
        var merge = repo.Head();

        var code = await CodeCapture.CaptureAsync(await _sandbox.OpenAsync(repo.Path), new CodeCaptureRequest { Revision = merge, Paths = ["."] });

        Assert.Equal(merge, code.Commit.Sha);
        Assert.Equal(new[] { root, feature, main, merge }.Order(StringComparer.Ordinal), code.NewCommits.Select(c => c.Commit.Sha).Order(StringComparer.Ordinal));
        Assert.Equal([main, feature], code.NewCommits.Single(c => c.Commit.Sha == merge).ParentShas);
        Assert.Empty(code.NewCommits.Single(c => c.Commit.Sha == root).ParentShas);
        Assert.Equal("lower the learning rate\n", code.NewCommits.Single(c => c.Commit.Sha == main).Commit.Message);
        Assert.Equal(["clean.py", "train.py"], code.Files.Select(f => f.Path));
        Assert.Equal(repo.Git("rev-parse", $"{merge}:train.py"), code.Files.Single(f => f.Path == "train.py").BlobHash);
        Assert.Null(code.WorkingState);
    }

    [Fact]
    public async Task Capture_WithoutPaths_PinsNoFiles()
    {
        var repo = _sandbox.CreateRepository();
        repo.Write("train.py", "lr = 0.1\n").Commit("initial");

        var code = await CodeCapture.CaptureAsync(await _sandbox.OpenAsync(repo.Path), new CodeCaptureRequest());

        Assert.Empty(code.Files);
        Assert.Single(code.NewCommits);
    }

    [Fact]
    public async Task Capture_AppendedToAStore_IsRecordedOnceAndAnIncrementalCaptureAddsOnlyTheNewCommits()
    {
        var repo = _sandbox.CreateRepository();
        repo.Write("train.py", "lr = 0.1\n").Commit("initial");
        repo.Write("train.py", "lr = 0.2\n").Commit("second");
        var git = await _sandbox.OpenAsync(repo.Path);
        await using var store = SqliteLineageStore.Open(_data);

        var first = await CodeCapture.CaptureAsync(git, new CodeCaptureRequest());
        var recorded = await store.AppendAsync(first.AddHistoryTo(ChangeSet.Builder()).Build());
        var again = await store.AppendAsync(first.AddHistoryTo(ChangeSet.Builder()).Build());
        var tip = repo.Write("train.py", "lr = 0.3\n").Commit("third");
        repo.Write("eval.py", "auc()\n").Commit("fourth");
        var next = await CodeCapture.CaptureAsync(git, new CodeCaptureRequest { KnownCommits = [.. first.NewCommits.Select(c => c.Commit.Sha)] });
        var incremental = await store.AppendAsync(next.AddHistoryTo(ChangeSet.Builder()).Build());

        Assert.True(recorded.Changed);
        Assert.False(again.Changed);
        Assert.Equal(2, next.NewCommits.Count);
        Assert.Equal([first.Commit.Sha], next.NewCommits[0].ParentShas);
        Assert.Equal(tip, next.NewCommits[0].Commit.Sha);
        Assert.True(incremental.Changed);
        var parents = await store.GetEdgesAsync(next.Commit.Key, Core.Storage.EdgeDirection.Outgoing, EdgeKind.Parent);
        Assert.Equal([new CommitId(new RepositoryId(first.Repository.Identity), tip).Key], parents.Select(e => e.To));
    }

    [Fact]
    public async Task Capture_OfTheCheckedOutCode_RecordsADirtyTreeAndItsDiffDigest()
    {
        var repo = _sandbox.CreateRepository();
        var head = repo.Write("train.py", "lr = 0.1\n").Commit("initial");
        repo.Write("train.py", "lr = 0.9\n");

        var code = await CodeCapture.CaptureAsync(await _sandbox.OpenAsync(repo.Path), new CodeCaptureRequest());

        Assert.Equal(head, code.Commit.Sha);
        Assert.True(code.IsDirty);
        Assert.NotNull(code.WorkingState!.DiffDigest);
        Assert.Contains("not reproducible", code.WorkingState.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Capture_WithPaths_PinsOnlyTheFilesUnderThem()
    {
        var repo = _sandbox.CreateRepository();
        repo.Write("src/train.py", "fit()\n").Write("src/util/io.py", "read()\n").Write("docs/README.md", "# x\n").Commit("initial");

        var code = await CodeCapture.CaptureAsync(await _sandbox.OpenAsync(repo.Path), new CodeCaptureRequest { Paths = ["src"] });

        Assert.Equal(["src/train.py", "src/util/io.py"], code.Files.Select(f => f.Path));
        Assert.All(code.Files, f => Assert.Equal(repo.Git("rev-parse", $"HEAD:{f.Path}"), f.BlobHash));
    }

    [Fact]
    public async Task Capture_OfAnUnknownRevision_FailsNamingIt()
    {
        var repo = _sandbox.CreateRepository();
        repo.Write("a.txt", "a\n").Commit("initial");

        var git = await _sandbox.OpenAsync(repo.Path);

        var error = await Assert.ThrowsAsync<GitConnectorException>(() => CodeCapture.CaptureAsync(git, new CodeCaptureRequest { Revision = "no-such-branch" }));

        Assert.Equal(GitErrorKind.UnknownRevision, error.Kind);
        Assert.Contains("no-such-branch", error.Message, StringComparison.Ordinal);
    }
}
