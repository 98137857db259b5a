using System.Globalization;
using System.Text;

namespace LineageHub.Connectors.Git.Tests.Support;

/// <summary>One repository built by a test: files, commits with chosen dates, branches.</summary>
public sealed class TestRepository(GitSandbox sandbox, string path)
{
    private static readonly DateTimeOffset Start = new(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(2));
    private int _tick;

    public string Path { get; } = path;

    public GitSandbox Sandbox { get; } = sandbox;

    public string Git(params string[] arguments) => Sandbox.Git(Path, arguments);

    public byte[] GitBytes(byte[]? input, params string[] arguments) => Sandbox.GitBytes(Path, input, null, arguments);

    public TestRepository Write(string relativePath, string content) => Write(relativePath, Encoding.UTF8.GetBytes(content));

    public TestRepository Write(string relativePath, byte[] content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return this;
    }

    public TestRepository Delete(string relativePath)
    {
        File.Delete(System.IO.Path.Combine(Path, relativePath));
        return this;
    }

    /// <summary>Stages everything and commits; each commit is a minute after the last unless dates are given.</summary>
    public string Commit(string message, DateTimeOffset? authored = null, DateTimeOffset? committed = null)
    {
        Git("add", "-A");
        return CommitStaged(message, authored, committed);
    }

    public string CommitStaged(string message, DateTimeOffset? authored = null, DateTimeOffset? committed = null, params string[] extra)
    {
        var author = authored ?? NextTime();
        var committer = committed ?? author;
        var environment = new Dictionary<string, string?>
        {
            ["GIT_AUTHOR_DATE"] = Iso(author),
            ["GIT_COMMITTER_DATE"] = Iso(committer),
        };
        Sandbox.GitBytes(Path, null, environment, ["commit", "-q", "--allow-empty", "-m", message, .. extra]);
        return Head();
    }

    /// <summary>Commits a message given as raw bytes (git reads it from a file, so no encoding is imposed).</summary>
    public string CommitRawMessage(byte[] message, params string[] configuration)
    {
        var file = System.IO.Path.Combine(Sandbox.Root, $"message-{Guid.NewGuid():N}");
        File.WriteAllBytes(file, message);
        var environment = new Dictionary<string, string?>
        {
            ["GIT_AUTHOR_DATE"] = Iso(NextTime()),
            ["GIT_COMMITTER_DATE"] = Iso(NextTime()),
        };
        var arguments = configuration.SelectMany(c => new[] { "-c", c }).Concat(["commit", "-q", "--allow-empty", "-F", file]).ToArray();
        Sandbox.GitBytes(Path, null, environment, arguments);
        return Head();
    }

    /// <summary>
    /// Writes a commit object byte for byte (git commit would re-encode a message that is not UTF-8)
    /// on top of HEAD and moves the branch to it.
    /// </summary>
    public string CommitRawObject(byte[] author, byte[] message)
    {
        var tree = Git("rev-parse", "HEAD^{tree}");
        var header = Encoding.ASCII.GetBytes($"tree {tree}\nparent {Head()}\nauthor ");
        byte[] body = [.. header, .. author, .. "\ncommitter Ada Lovelace <ada@example.com> 1700000000 +0100\n\n"u8, .. message];
        var id = Encoding.ASCII.GetString(GitBytes(body, "hash-object", "-t", "commit", "-w", "--stdin", "--literally")).Trim();
        Git("update-ref", "HEAD", id);
        return id;
    }

    /// <summary>Adds a file whose name is raw bytes (possibly not UTF-8) to the index, through git's NUL-separated stdin.</summary>
    public void StageRawPath(byte[] pathBytes, string content)
    {
        var blob = Encoding.ASCII.GetString(GitBytes(Encoding.UTF8.GetBytes(content), "hash-object", "-w", "--stdin")).Trim();
        var record = Encoding.ASCII.GetBytes($"100644 {blob}\t").Concat(pathBytes).Append((byte)0).ToArray();
        GitBytes(record, "update-index", "--add", "-z", "--index-info");
    }

    public string Head() => Git("rev-parse", "HEAD");

    public DateTimeOffset NextTime() => Start.AddMinutes(++_tick);

    private static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
