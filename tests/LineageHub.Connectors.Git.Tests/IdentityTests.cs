using LineageHub.Connectors.Git.Tests.Support;

namespace LineageHub.Connectors.Git.Tests;

public sealed class IdentityTests : IDisposable
{
    private readonly GitSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Identity_SshAndHttpsClonesOfOneRemote_AreOneRepository()
    {
        var ssh = _sandbox.CreateRepository("ssh");
        ssh.Git("remote", "add", "origin", "git@GitHub.com:Org/Repo.git");
        var https = _sandbox.CreateRepository("https");
        https.Git("remote", "add", "origin", "https://ci-bot:s3cret@github.com/Org/Repo");

        var a = await (await _sandbox.OpenAsync(ssh.Path)).GetIdentityAsync();
        var b = await (await _sandbox.OpenAsync(https.Path)).GetIdentityAsync();

        Assert.Equal("github.com/Org/Repo", a.Key);
        Assert.Equal(a.Key, b.Key);
        Assert.Equal(GitIdentityKind.Remote, b.Kind);
        Assert.Equal("origin", b.RemoteName);
        Assert.Equal("https://github.com/Org/Repo", b.RemoteUrl);
        Assert.DoesNotContain("s3cret", b.RemoteUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identity_OriginIsPreferredOverOtherRemotes()
    {
        var repo = _sandbox.CreateRepository();
        repo.Git("remote", "add", "aaa-fork", "https://example.org/someone/fork.git");
        repo.Git("remote", "add", "origin", "ssh://git@example.org:2222/team/project.git");

        var identity = await (await _sandbox.OpenAsync(repo.Path)).GetIdentityAsync();

        Assert.Equal("example.org/team/project", identity.Key);
        Assert.Equal("origin", identity.RemoteName);
    }

    [Fact]
    public async Task Identity_WithoutRemote_IsTheRootCommitAndPath()
    {
        var repo = _sandbox.CreateRepository();
        var root = repo.Write("a.txt", "1").Commit("root");
        repo.Write("a.txt", "2").Commit("child");

        var identity = await (await _sandbox.OpenAsync(repo.Path)).GetIdentityAsync();

        Assert.Equal(GitIdentityKind.Local, identity.Kind);
        Assert.Equal(root, identity.RootCommit?.Value);
        Assert.Equal(root + ":" + repo.Path, identity.Key);
        Assert.Null(identity.RemoteUrl);
    }

    [Fact]
    public async Task Identity_WithoutRemoteOrCommits_SaysThereAreNoCommits()
    {
        var repo = _sandbox.CreateRepository();

        var git = await _sandbox.OpenAsync(repo.Path);
        var error = await Assert.ThrowsAsync<GitConnectorException>(() => git.GetIdentityAsync());

        Assert.Equal(GitErrorKind.NoCommits, error.Kind);
    }

    [Fact]
    public async Task Identity_CloneFromLocalPath_IsThePathOfTheSource()
    {
        var source = _sandbox.CreateRepository("source");
        source.Write("a.txt", "1").Commit("one");
        var clonePath = Path.Combine(_sandbox.Root, "clone");
        _sandbox.Git(_sandbox.Root, "clone", "-q", "file://" + source.Path, clonePath);

        var identity = await (await _sandbox.OpenAsync(clonePath)).GetIdentityAsync();

        Assert.Equal(GitIdentityKind.Remote, identity.Kind);
        Assert.Equal(source.Path, identity.Key);
    }
}
