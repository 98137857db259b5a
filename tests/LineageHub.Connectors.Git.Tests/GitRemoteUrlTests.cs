namespace LineageHub.Connectors.Git.Tests;

public sealed class GitRemoteUrlTests
{
    [Theory]
    [InlineData("git@github.com:org/repo.git")]
    [InlineData("git@github.com:org/repo")]
    [InlineData("github.com:org/repo.git")]
    [InlineData("ssh://git@github.com/org/repo.git")]
    [InlineData("ssh://git@github.com:22/org/repo")]
    [InlineData("git+ssh://git@github.com/org/repo.git")]
    [InlineData("https://github.com/org/repo")]
    [InlineData("https://github.com/org/repo.git")]
    [InlineData("https://github.com/org/repo.git/")]
    [InlineData("https://user:token@GitHub.COM/org/repo.git")]
    [InlineData("https://x-access-token@github.com:443/org//repo")]
    [InlineData("http://github.com/org/repo")]
    [InlineData("git://github.com/org/repo.git")]
    [InlineData("  https://github.com/org/repo.git  ")]
    public void TryParse_SpellingsOfOneRepository_GiveOneKey(string url)
    {
        Assert.True(GitRemoteUrl.TryParse(url, out var remote));
        Assert.Equal("github.com/org/repo", remote!.Key);
        Assert.Equal("github.com", remote.Host);
        Assert.Equal("org/repo", remote.Path);
    }

    [Theory]
    [InlineData("https://user:token@github.com/org/repo.git", "https://github.com/org/repo.git")]
    [InlineData("https://token@github.com/org/repo", "https://github.com/org/repo")]
    [InlineData("ssh://git:pw@host.example/org/repo", "ssh://git@host.example/org/repo")]
    [InlineData("git@host.example:org/repo.git", "git@host.example:org/repo.git")]
    public void Sanitize_RemovesPasswordsAndTokens(string url, string expected) =>
        Assert.Equal(expected, GitRemoteUrl.Sanitize(url));

    [Fact]
    public void TryParse_PathCaseIsKeptButHostIsLowered()
    {
        Assert.True(GitRemoteUrl.TryParse("git@GitLab.Example.COM:Team/Sub/Project.git", out var remote));
        Assert.Equal("gitlab.example.com/Team/Sub/Project", remote!.Key);
    }

    [Fact]
    public void TryParse_LocalPathsAndFileUrls_HaveNoHost()
    {
        Assert.True(GitRemoteUrl.TryParse("file:///srv/git/project.git", out var file));
        Assert.True(GitRemoteUrl.TryParse("/srv/git/project.git", out var path));
        Assert.Equal("/srv/git/project", file!.Key);
        Assert.Equal(file.Key, path!.Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("https://github.com/")]
    public void TryParse_NoRepositoryPath_Fails(string? url) => Assert.False(GitRemoteUrl.TryParse(url, out _));
}
