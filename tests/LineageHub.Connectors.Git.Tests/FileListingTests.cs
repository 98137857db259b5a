using LineageHub.Connectors.Git.Tests.Support;

namespace LineageHub.Connectors.Git.Tests;

public sealed class FileListingTests : IDisposable
{
    private readonly GitSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task ListFiles_ReturnsEveryFileWithBlobHashModeAndSize()
    {
        var repo = _sandbox.CreateRepository();
        repo.Write("README.md", "hello\n").Write("src/app/main.py", "print(1)\n").Write("run.sh", "#!/bin/sh\n");
        File.CreateSymbolicLink(Path.Combine(repo.Path, "link"), "README.md");
        repo.Git("add", "-A");
        repo.Git("update-index", "--chmod=+x", "run.sh");
        var commit = repo.CommitStaged("files");

        var git = await _sandbox.OpenAsync(repo.Path);
        var files = await git.ListFilesAsync(commit);

        Assert.Equal(["README.md", "link", "run.sh", "src/app/main.py"], files.Select(f => f.Path.Text));
        var readme = files[0];
        Assert.Equal(repo.Git("rev-parse", commit + ":README.md"), readme.ObjectId.Value);
        Assert.Equal(6, readme.Size);
        Assert.Equal(("100644", GitFileKind.File), (readme.Mode, readme.Kind));
        Assert.Equal(("120000", GitFileKind.Symlink), (files[1].Mode, files[1].Kind));
        Assert.Equal(("100755", GitFileKind.Executable), (files[2].Mode, files[2].Kind));
    }

    [Fact]
    public async Task ListFiles_UnderGivenPaths_ReturnsOnlyThose()
    {
        var repo = _sandbox.CreateRepository();
        repo.Write("a.txt", "a").Write("src/x.cs", "x").Write("src/deep/y.cs", "y").Write("srcfoo/z.cs", "z").Write("docs/d.md", "d");
        repo.Commit("files");

        var git = await _sandbox.OpenAsync(repo.Path);
        var files = await git.ListFilesAsync("HEAD", ["./src/", "a.txt"]);

        Assert.Equal(["a.txt", "src/deep/y.cs", "src/x.cs"], files.Select(f => f.Path.Text));
    }

    [Fact]
    public async Task ListFiles_OpenedFromSubfolder_StillListsFromTheRoot()
    {
        var repo = _sandbox.CreateRepository();
        repo.Write("a.txt", "a").Write("sub/b.txt", "b").Commit("files");

        var git = await _sandbox.OpenAsync(Path.Combine(repo.Path, "sub"));
        var files = await git.ListFilesAsync("HEAD");

        Assert.Equal(repo.Path, git.Root);
        Assert.Equal(["a.txt", "sub/b.txt"], files.Select(f => f.Path.Text));
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("/etc")]
    [InlineData("src/../../x")]
    public async Task ListFiles_PathOutsideTheRepository_IsRefused(string path)
    {
        var repo = _sandbox.CreateRepository();
        repo.Write("a.txt", "a").Commit("files");

        var git = await _sandbox.OpenAsync(repo.Path);
        var error = await Assert.ThrowsAsync<GitConnectorException>(() => git.ListFilesAsync("HEAD", [path]));

        Assert.Equal(GitErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(GitMessages.InvalidPath(path), error.Message);
    }

    [Fact]
    public async Task ListFiles_Submodule_IsRecordedAsSubmoduleWithItsCommit()
    {
        var library = _sandbox.CreateRepository("library");
        var pinned = library.Write("lib.py", "x = 1\n").Commit("library");
        var repo = _sandbox.CreateRepository();
        repo.Write("main.py", "import lib\n").Commit("main");
        repo.Git("-c", "protocol.file.allow=always", "submodule", "add", "-q", library.Path, "vendor/library");
        repo.Commit("add submodule");

        var git = await _sandbox.OpenAsync(repo.Path);
        var files = await git.ListFilesAsync("HEAD");

        var submodule = Assert.Single(files, f => f.Kind == GitFileKind.Submodule);
        Assert.Equal("vendor/library", submodule.Path.Text);
        Assert.Equal("160000", submodule.Mode);
        Assert.Equal(pinned, submodule.ObjectId.Value);
        Assert.Null(submodule.Size);
        Assert.Contains(files, f => f.Path.Text == ".gitmodules" && f.Kind == GitFileKind.File);
    }

    [Fact]
    public async Task ListFiles_PathThatIsNotUtf8_KeepsItsBytesAndEscapesTheDisplay()
    {
        var repo = _sandbox.CreateRepository();
        repo.Write("plain.txt", "p").Commit("plain");
        byte[] name = [.. "data-"u8, 0xff, 0xfe, .. ".csv"u8];
        repo.StageRawPath(name, "a,b\n");
        repo.CommitStaged("raw path");

        var git = await _sandbox.OpenAsync(repo.Path);
        var files = await git.ListFilesAsync("HEAD");

        var raw = Assert.Single(files, f => !f.Path.IsExact);
        Assert.Equal(name, raw.Path.Bytes.ToArray());
        Assert.Equal(@"data-\xff\xfe.csv", raw.Path.Text);
        Assert.Equal(4, raw.Size);
    }

    [Fact]
    public async Task ListFiles_RecordOverTheLimit_ThrowsLimitExceededInsteadOfBuffering()
    {
        var repo = _sandbox.CreateRepository();
        repo.Write(new string('p', 200) + ".txt", "x").Commit("long path");

        var git = await _sandbox.OpenAsync(repo.Path, _sandbox.Options with { MaxRecordBytes = 100 });
        var error = await Assert.ThrowsAsync<GitConnectorException>(() => git.ListFilesAsync("HEAD"));

        Assert.Equal(GitErrorKind.LimitExceeded, error.Kind);
        Assert.Contains("larger than the limit of 100 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListFiles_UnknownCommit_ThrowsUnknownRevision()
    {
        var repo = _sandbox.CreateRepository();
        repo.Write("a.txt", "a").Commit("files");
        var missing = new string('b', 40);

        var git = await _sandbox.OpenAsync(repo.Path);
        var error = await Assert.ThrowsAsync<GitConnectorException>(() => git.ListFilesAsync(missing));

        Assert.Equal(GitErrorKind.UnknownRevision, error.Kind);
        Assert.Equal(GitMessages.UnknownRevision(missing, git.Root), error.Message);
    }

    [Fact]
    public async Task ListFiles_ManyFiles_StreamsThemAll()
    {
        var repo = _sandbox.CreateRepository();
        for (var i = 0; i < 500; i++)
        {
            repo.Write($"d{i % 7}/file-{i:D4}.txt", new string('x', i));
        }

        repo.Commit("many");

        var git = await _sandbox.OpenAsync(repo.Path);
        long count = 0;
        long bytes = 0;
        await foreach (var file in git.EnumerateFilesAsync("HEAD"))
        {
            count++;
            bytes += file.Size ?? 0;
        }

        Assert.Equal(500, count);
        Assert.Equal(Enumerable.Range(0, 500).Sum(i => (long)i), bytes);
    }
}
