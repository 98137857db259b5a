using LineageHub.Connectors.Git.Tests.Support;

namespace LineageHub.Connectors.Git.Tests;

public sealed class WorkingStateTests : IDisposable
{
    private readonly GitSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private TestRepository CommittedRepository(string name = "repo")
    {
        var repo = _sandbox.CreateRepository(name);
        repo.Write("train.py", "epochs = 3\n").Write("data/.keep", string.Empty).Write(".gitignore", "*.log\n");
        repo.Commit("initial");
        return repo;
    }

    [Fact]
    public async Task WorkingState_CleanTree_IsNotDirtyAndHasNoDigestOrWarning()
    {
        var repo = CommittedRepository();

        var state = await (await _sandbox.OpenAsync(repo.Path)).GetWorkingStateAsync();

        Assert.Equal(repo.Head(), state.HeadCommit?.Value);
        Assert.Equal("main", state.Branch?.Text);
        Assert.False(state.IsDirty);
        Assert.Null(state.DiffDigest);
        Assert.Null(state.WorkingTreeId);
        Assert.Null(state.Warning);
    }

    [Fact]
    public async Task WorkingState_IgnoredFilesOnly_IsNotDirty()
    {
        var repo = CommittedRepository();
        repo.Write("training.log", "loss=0.1\n");

        var state = await (await _sandbox.OpenAsync(repo.Path)).GetWorkingStateAsync();

        Assert.False(state.IsDirty);
    }

    [Fact]
    public async Task WorkingState_ModifiedAndUntrackedFiles_IsDirtyWithDigestAndWarning()
    {
        var repo = CommittedRepository();
        repo.Write("train.py", "epochs = 30\n").Write("notes.txt", "try more epochs\n");

        var state = await (await _sandbox.OpenAsync(repo.Path)).GetWorkingStateAsync();

        Assert.True(state.IsDirty);
        Assert.Equal(1, state.TrackedChangeCount);
        Assert.Equal(1, state.UntrackedFileCount);
        Assert.Matches("^sha256:[0-9a-f]{64}$", state.DiffDigest);
        Assert.NotNull(state.WorkingTreeId);
        Assert.Equal(
            GitMessages.DirtyWarning(repo.Path, 1, 1, state.HeadCommit, state.WorkingTreeId!.Value, state.DiffDigest!),
            state.Warning);
        Assert.Contains("not reproducible from the commit alone", state.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkingState_WorkingTreeId_HoldsExactlyTheFilesOnDisk()
    {
        var repo = CommittedRepository();
        repo.Write("train.py", "epochs = 30\n").Write("notes.txt", "untracked\n").Delete("data/.keep");

        var state = await (await _sandbox.OpenAsync(repo.Path)).GetWorkingStateAsync();

        var tree = state.WorkingTreeId!.Value.Value;
        Assert.Equal("epochs = 30", repo.Git("cat-file", "blob", tree + ":train.py"));
        Assert.Equal("untracked", repo.Git("cat-file", "blob", tree + ":notes.txt"));
        Assert.Equal([".gitignore", "notes.txt", "train.py"], repo.Git("ls-tree", "--name-only", tree).Split('\n'));
    }

    [Fact]
    public async Task WorkingState_DoesNotTouchTheUsersIndex()
    {
        var repo = CommittedRepository();
        repo.Write("train.py", "epochs = 30\n").Write("notes.txt", "untracked\n");
        var indexBefore = File.ReadAllBytes(Path.Combine(repo.Path, ".git", "index"));

        await (await _sandbox.OpenAsync(repo.Path)).GetWorkingStateAsync();

        Assert.Equal(indexBefore, File.ReadAllBytes(Path.Combine(repo.Path, ".git", "index")));
        Assert.Equal("notes.txt", repo.Git("ls-files", "--others", "--exclude-standard"));
        Assert.Equal(string.Empty, repo.Git("diff", "--cached", "--name-only"));
    }

    [Fact]
    public async Task WorkingState_SameChangesInTwoClones_GiveTheSameDigest()
    {
        var first = CommittedRepository("first");
        var second = _sandbox.CreateRepository("second");
        second.Git("fetch", "-q", first.Path, "main");
        second.Git("reset", "-q", "--hard", "FETCH_HEAD");
        foreach (var repo in new[] { first, second })
        {
            repo.Write("train.py", "epochs = 30\n").Write("extra/new.txt", "same\n");
        }

        var a = await (await _sandbox.OpenAsync(first.Path)).GetWorkingStateAsync();
        var b = await (await _sandbox.OpenAsync(second.Path)).GetWorkingStateAsync();

        Assert.Equal(a.DiffDigest, b.DiffDigest);
        Assert.Equal(a.WorkingTreeId, b.WorkingTreeId);
    }

    [Fact]
    public async Task WorkingState_DifferentChanges_GiveDifferentDigests()
    {
        var repo = CommittedRepository();
        var git = await _sandbox.OpenAsync(repo.Path);
        repo.Write("train.py", "epochs = 30\n");
        var first = await git.GetWorkingStateAsync();
        repo.Write("train.py", "epochs = 31\n");
        var second = await git.GetWorkingStateAsync();
        repo.Write("train.py", "epochs = 3\n").Write("untracked.txt", "u\n");
        var third = await git.GetWorkingStateAsync();

        Assert.Equal(3, new[] { first.DiffDigest, second.DiffDigest, third.DiffDigest }.Distinct().Count());
        Assert.Equal((0, 1), (third.TrackedChangeCount, third.UntrackedFileCount));
    }

    [Fact]
    public async Task WorkingState_UntrackedFileWithNonUtf8Name_IsCapturedWithoutError()
    {
        var repo = CommittedRepository();
        byte[] name = [.. "raw-"u8, 0xff, .. ".txt"u8];
        repo.StageRawPath(name, "content\n");
        repo.CommitStaged("raw name");
        repo.Git("checkout-index", "-a", "-f");
        // Forget the file in the index (keeping it on disk): now it is untracked with a non-UTF-8 name.
        repo.GitBytes([.. name, 0], "update-index", "--force-remove", "-z", "--stdin");
        repo.GitBytes(null, "commit", "-q", "-m", "untrack raw name");

        var state = await (await _sandbox.OpenAsync(repo.Path)).GetWorkingStateAsync();

        Assert.True(state.IsDirty);
        Assert.Equal(1, state.UntrackedFileCount);
        var listing = repo.GitBytes(null, "ls-tree", "-z", "--name-only", state.WorkingTreeId!.Value.Value);
        Assert.True(listing.AsSpan().IndexOf((byte[])[.. name, 0]) >= 0, "the working tree snapshot holds the raw file name");
    }

    [Fact]
    public async Task WorkingState_DetachedHead_HasNoBranch()
    {
        var repo = CommittedRepository();
        repo.Git("checkout", "-q", "--detach");

        var state = await (await _sandbox.OpenAsync(repo.Path)).GetWorkingStateAsync();

        Assert.Null(state.Branch);
        Assert.Equal(repo.Head(), state.HeadCommit?.Value);
    }

    [Fact]
    public async Task WorkingState_UnbornBranchWithFiles_IsDirtyWithoutHead()
    {
        var repo = _sandbox.CreateRepository();
        repo.Write("first.py", "print('hi')\n");

        var state = await (await _sandbox.OpenAsync(repo.Path)).GetWorkingStateAsync();

        Assert.Null(state.HeadCommit);
        Assert.Equal("main", state.Branch?.Text);
        Assert.True(state.IsDirty);
        Assert.NotNull(state.DiffDigest);
        Assert.Contains(GitMessages.UnbornHead, state.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkingState_BareRepository_ThrowsBareRepository()
    {
        var bare = Path.Combine(_sandbox.Root, "bare.git");
        Directory.CreateDirectory(bare);
        _sandbox.Git(bare, "init", "-q", "--bare");

        var git = await _sandbox.OpenAsync(bare);
        var error = await Assert.ThrowsAsync<GitConnectorException>(() => git.GetWorkingStateAsync());

        Assert.True(git.IsBare);
        Assert.Equal(GitErrorKind.BareRepository, error.Kind);
        Assert.Equal(GitMessages.BareRepository(git.Root), error.Message);
    }
}
