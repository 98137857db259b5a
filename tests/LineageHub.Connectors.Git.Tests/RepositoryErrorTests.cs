using LineageHub.Connectors.Git.Tests.Support;

namespace LineageHub.Connectors.Git.Tests;

public sealed class RepositoryErrorTests : IDisposable
{
    private readonly GitSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Open_FolderThatIsNotARepository_ThrowsNotARepository()
    {
        var plain = Path.Combine(_sandbox.Root, "plain");
        Directory.CreateDirectory(plain);

        var error = await Assert.ThrowsAsync<GitConnectorException>(() => _sandbox.OpenAsync(plain));

        Assert.Equal(GitErrorKind.NotARepository, error.Kind);
        Assert.StartsWith($"'{plain}' is not a git repository (nor inside one): ", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a git repository", error.Message[plain.Length..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_MissingFolder_SaysTheFolderDoesNotExist()
    {
        var missing = Path.Combine(_sandbox.Root, "nowhere");

        var error = await Assert.ThrowsAsync<GitConnectorException>(() => _sandbox.OpenAsync(missing));

        Assert.Equal(GitErrorKind.NotARepository, error.Kind);
        Assert.Equal(GitMessages.PathNotFound(missing), error.Message);
    }

    [Fact]
    public async Task Open_GitNotOnPath_SaysGitCannotBeStarted()
    {
        var repo = _sandbox.CreateRepository();
        var options = _sandbox.Options with { GitExecutable = "lineagehub-no-such-git" };

        var error = await Assert.ThrowsAsync<GitConnectorException>(() => _sandbox.OpenAsync(repo.Path, options));

        Assert.Equal(GitErrorKind.GitNotFound, error.Kind);
        Assert.StartsWith("the git executable 'lineagehub-no-such-git' could not be started: it is not installed or not on PATH", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShallowClone_CapturingHistory_NamesTheMissingHistory()
    {
        var source = _sandbox.CreateRepository("source");
        source.Write("a.txt", "1").Commit("one");
        source.Write("a.txt", "2").Commit("two");
        var tip = source.Write("a.txt", "3").Commit("three");
        var clonePath = Path.Combine(_sandbox.Root, "shallow");
        _sandbox.Git(_sandbox.Root, "clone", "-q", "--depth", "1", "file://" + source.Path, clonePath);

        var git = await _sandbox.OpenAsync(clonePath);
        var error = await Assert.ThrowsAsync<GitConnectorException>(() => git.EnumerateCommitsAsync("HEAD").ToListAsync());

        Assert.True(git.IsShallow);
        Assert.Equal(GitErrorKind.ShallowClone, error.Kind);
        Assert.Equal([tip], error.ShallowBoundary.Select(b => b.Value));
        Assert.Equal(GitMessages.ShallowClone(git.Root, git.ShallowBoundary), error.Message);
        Assert.Contains(tip, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShallowClone_FilesWorkingStateAndIdentity_StillWork()
    {
        var source = _sandbox.CreateRepository("source");
        source.Write("a.txt", "1").Commit("one");
        var tip = source.Write("a.txt", "2").Commit("two");
        var clonePath = Path.Combine(_sandbox.Root, "shallow");
        _sandbox.Git(_sandbox.Root, "clone", "-q", "--depth", "1", "file://" + source.Path, clonePath);

        var git = await _sandbox.OpenAsync(clonePath);

        Assert.Equal(["a.txt"], (await git.ListFilesAsync("HEAD")).Select(f => f.Path.Text));
        Assert.Equal(tip, (await git.GetWorkingStateAsync()).HeadCommit?.Value);
        Assert.Equal(source.Path, (await git.GetIdentityAsync()).Key);
    }

    [Fact]
    public async Task ShallowClone_WhenAllowed_CapturesThePresentCommitsWithTheirParentIds()
    {
        var source = _sandbox.CreateRepository("source");
        var parent = source.Write("a.txt", "1").Commit("one");
        var tip = source.Write("a.txt", "2").Commit("two");
        var clonePath = Path.Combine(_sandbox.Root, "shallow");
        _sandbox.Git(_sandbox.Root, "clone", "-q", "--depth", "1", "file://" + source.Path, clonePath);

        var git = await _sandbox.OpenAsync(clonePath, _sandbox.Options with { AllowShallowHistory = true });
        var commit = Assert.Single(await git.EnumerateCommitsAsync("HEAD").ToListAsync());

        Assert.Equal(tip, commit.Id.Value);
        Assert.Equal([parent], commit.Parents.Select(p => p.Value));
    }

    [Fact]
    public async Task ShallowCloneWithoutRemote_Identity_SaysTheRootIsMissing()
    {
        var source = _sandbox.CreateRepository("source");
        source.Write("a.txt", "1").Commit("one");
        source.Write("a.txt", "2").Commit("two");
        var clonePath = Path.Combine(_sandbox.Root, "shallow");
        _sandbox.Git(_sandbox.Root, "clone", "-q", "--depth", "1", "file://" + source.Path, clonePath);
        _sandbox.Git(clonePath, "remote", "remove", "origin");

        var git = await _sandbox.OpenAsync(clonePath);
        var error = await Assert.ThrowsAsync<GitConnectorException>(() => git.GetIdentityAsync());

        Assert.Equal(GitErrorKind.ShallowClone, error.Kind);
        Assert.Equal(GitMessages.ShallowNoRoot(git.Root, git.ShallowBoundary), error.Message);
    }
}
