using LineageHub.Connectors.Git.Tests.Support;

namespace LineageHub.Connectors.Git.Tests;

public sealed class DiffTests : IDisposable
{
    private readonly GitSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private static readonly string Story = string.Join('\n', Enumerable.Range(1, 40).Select(i => $"line {i} of a file long enough for rename detection")) + "\n";

    [Fact]
    public async Task Diff_ReportsLineCountsRenamesAdditionsDeletionsAndBinaryFiles()
    {
        var repo = _sandbox.CreateRepository();
        repo.Write("model.py", "a\nb\nc\n").Write("old_name.txt", Story).Write("weights.bin", [0, 1, 2, 3, 0, 255])
            .Write("gone.txt", "bye\n");
        var from = repo.Commit("before");
        repo.Write("model.py", "a\nB\nc\nd\n").Delete("old_name.txt").Write("new_name.txt", Story)
            .Write("weights.bin", [0, 9, 9, 9, 0, 255, 7]).Delete("gone.txt").Write("added.txt", "1\n2\n");
        var to = repo.Commit("after");

        var git = await _sandbox.OpenAsync(repo.Path);
        var changes = (await git.DiffAsync(from, to)).ToDictionary(c => c.Path.Text);

        Assert.Equal(5, changes.Count);
        var model = changes["model.py"];
        Assert.Equal((GitFileChangeKind.Modified, 2L, 1L, false), (model.Kind, model.AddedLines, model.DeletedLines, model.IsBinary));
        Assert.Equal(repo.Git("rev-parse", to + ":model.py"), model.NewObjectId.Value);
        Assert.Equal(repo.Git("rev-parse", from + ":model.py"), model.OldObjectId.Value);

        var renamed = changes["new_name.txt"];
        Assert.Equal(GitFileChangeKind.Renamed, renamed.Kind);
        Assert.Equal("old_name.txt", renamed.OldPath?.Text);
        Assert.Equal(100, renamed.Similarity);
        Assert.Equal((0L, 0L), (renamed.AddedLines, renamed.DeletedLines));

        var binary = changes["weights.bin"];
        Assert.True(binary.IsBinary);
        Assert.Null(binary.AddedLines);
        Assert.Null(binary.DeletedLines);

        Assert.Equal((GitFileChangeKind.Deleted, 0L, 1L, "000000"), (changes["gone.txt"].Kind, changes["gone.txt"].AddedLines, changes["gone.txt"].DeletedLines, changes["gone.txt"].NewMode));
        Assert.Equal((GitFileChangeKind.Added, 2L, 0L, "100644"), (changes["added.txt"].Kind, changes["added.txt"].AddedLines, changes["added.txt"].DeletedLines, changes["added.txt"].NewMode));
    }

    [Fact]
    public async Task Diff_PathsThatAreNotUtf8_ArePreserved()
    {
        var repo = _sandbox.CreateRepository();
        var from = repo.Write("a.txt", "a\n").Commit("before");
        byte[] name = [.. "r"u8, 0xe9, .. "sum"u8, 0xe9, .. ".txt"u8];
        repo.StageRawPath(name, "one\ntwo\n");
        var to = repo.CommitStaged("raw");

        var git = await _sandbox.OpenAsync(repo.Path);
        var change = Assert.Single(await git.DiffAsync(from, to));

        Assert.Equal(name, change.Path.Bytes.ToArray());
        Assert.Equal(@"r\xe9sum\xe9.txt", change.Path.Text);
        Assert.Equal(2, change.AddedLines);
    }

    [Fact]
    public async Task Diff_SubmoduleBumpAndTypeChange_AreReportedWithTheirModes()
    {
        var library = _sandbox.CreateRepository("library");
        var v1 = library.Write("lib.py", "v = 1\n").Commit("v1");
        var repo = _sandbox.CreateRepository();
        repo.Write("config.yaml", "a: 1\n").Write("target.yaml", "b: 2\n").Commit("base");
        repo.Git("-c", "protocol.file.allow=always", "submodule", "add", "-q", library.Path, "vendor/library");
        var from = repo.Commit("add submodule");
        var v2 = library.Write("lib.py", "v = 2\n").Commit("v2");
        repo.Sandbox.Git(Path.Combine(repo.Path, "vendor/library"), "pull", "-q", "origin", "main");
        repo.Delete("config.yaml");
        File.CreateSymbolicLink(Path.Combine(repo.Path, "config.yaml"), "target.yaml");
        var to = repo.Commit("bump submodule, config becomes a link");

        var git = await _sandbox.OpenAsync(repo.Path);
        var changes = (await git.DiffAsync(from, to)).ToDictionary(c => c.Path.Text);

        var submodule = changes["vendor/library"];
        Assert.Equal(("160000", "160000"), (submodule.OldMode, submodule.NewMode));
        Assert.Equal((v1, v2), (submodule.OldObjectId.Value, submodule.NewObjectId.Value));
        var config = changes["config.yaml"];
        Assert.Equal(GitFileChangeKind.TypeChanged, config.Kind);
        Assert.Equal(("100644", "120000"), (config.OldMode, config.NewMode));
    }

    [Fact]
    public async Task Diff_SameCommit_IsEmpty()
    {
        var repo = _sandbox.CreateRepository();
        var only = repo.Write("a.txt", "a\n").Commit("only");

        var git = await _sandbox.OpenAsync(repo.Path);

        Assert.Empty(await git.DiffAsync(only, "main"));
    }

    [Fact]
    public async Task Diff_UnknownCommit_ThrowsUnknownRevision()
    {
        var repo = _sandbox.CreateRepository();
        repo.Write("a.txt", "a\n").Commit("only");

        var git = await _sandbox.OpenAsync(repo.Path);
        var error = await Assert.ThrowsAsync<GitConnectorException>(() => git.DiffAsync("HEAD", "v9.9"));

        Assert.Equal(GitErrorKind.UnknownRevision, error.Kind);
        Assert.Equal(GitMessages.UnknownRevision("v9.9", git.Root), error.Message);
    }

    [Fact]
    public async Task CommitRange_LinearHistory_ListsTheCommitsBetween()
    {
        var repo = _sandbox.CreateRepository();
        var from = repo.Write("a.txt", "1").Commit("one");
        var two = repo.Write("a.txt", "2").Commit("two");
        var three = repo.Write("a.txt", "3").Commit("three");

        var git = await _sandbox.OpenAsync(repo.Path);
        var range = await git.GetCommitRangeAsync(from, "main");

        Assert.Equal([three, two], range.Added.Select(c => c.Id.Value));
        Assert.Empty(range.Removed);
        Assert.Equal(from, range.MergeBase?.Value);
        Assert.Equal(three, range.To.Value);
    }

    [Fact]
    public async Task CommitRange_DivergedBranches_ListsBothSidesAndTheMergeBase()
    {
        var repo = _sandbox.CreateRepository();
        var fork = repo.Write("a.txt", "base").Commit("base");
        repo.Git("checkout", "-q", "-b", "experiment");
        var experiment = repo.Write("b.txt", "e").Commit("experiment");
        repo.Git("checkout", "-q", "main");
        var mainline = repo.Write("c.txt", "m").Commit("mainline");

        var git = await _sandbox.OpenAsync(repo.Path);
        var range = await git.GetCommitRangeAsync("experiment", "main");

        Assert.Equal([mainline], range.Added.Select(c => c.Id.Value));
        Assert.Equal([experiment], range.Removed.Select(c => c.Id.Value));
        Assert.Equal(fork, range.MergeBase?.Value);
    }
}
