using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace LineageHub.Benchmarks.Git;

/// <summary>
/// A generated repository for the git benchmark: the first commit adds every file, each later commit
/// edits one. Built with <c>git fast-import</c>, whose input we stream from here (no temp files, no shell).
/// </summary>
internal sealed class SyntheticRepository : IDisposable
{
    private readonly string _home;
    private int _nextCommit;

    private SyntheticRepository(string root)
    {
        Root = root;
        Path = System.IO.Path.Combine(root, "repo");
        _home = System.IO.Path.Combine(root, "home");
        Directory.CreateDirectory(Path);
        Directory.CreateDirectory(_home);
        Environment = new Dictionary<string, string?>
        {
            ["HOME"] = _home,
            ["XDG_CONFIG_HOME"] = _home,
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = System.IO.Path.Combine(_home, "gitconfig"),
        };
    }

    public string Root { get; }

    public string Path { get; }

    /// <summary>Isolates git from the machine's configuration, for our processes and the connector's alike.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    public int FileCount { get; private set; }

    public static async Task<SyntheticRepository> CreateAsync(int commits, int files, CancellationToken cancellationToken)
    {
        var repository = new SyntheticRepository(Directory.CreateTempSubdirectory("lineagehub-bench-git-").FullName);
        repository.FileCount = files;
        await repository.RunGitAsync(["init", "-q", "-b", "main"], null, cancellationToken);
        await repository.AppendCommitsAsync(commits, cancellationToken);
        return repository;
    }

    /// <summary>Appends commits to main through one fast-import process.</summary>
    public Task AppendCommitsAsync(int count, CancellationToken cancellationToken) =>
        RunGitAsync(["fast-import", "--quiet", "--done"], stdin => WriteCommitsAsync(stdin, count, cancellationToken), cancellationToken);

    public async Task<string> HeadAsync(CancellationToken cancellationToken)
    {
        var output = new MemoryStream();
        await RunGitAsync(["rev-parse", "refs/heads/main"], null, cancellationToken, output);
        return Encoding.ASCII.GetString(output.ToArray()).Trim();
    }

    /// <summary>Runs git and counts its output bytes, as <c>| wc -c</c> would: the anchor's cost.</summary>
    public async Task<long> CountOutputAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var counter = new CountingStream();
        await RunGitAsync(arguments, null, cancellationToken, counter);
        return counter.Length;
    }

    private async Task WriteCommitsAsync(Stream stdin, int count, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(stdin, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        var start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = _nextCommit++;
            var when = (start + (n * 60L)).ToString(CultureInfo.InvariantCulture);
            var zone = (n % 3) switch { 0 => "+0200", 1 => "-0700", _ => "+0530" };
            var message = $"Commit {n}: tune the pipeline\n\nLonger body explaining change {n}, as real messages do.\n";
            await writer.WriteAsync($"commit refs/heads/main\nauthor Dev {n % 17} <dev{n % 17}@example.com> {when} {zone}\n");
            await writer.WriteAsync($"committer CI Bot <ci@example.com> {when} +0000\n");
            await writer.WriteAsync($"data {Encoding.UTF8.GetByteCount(message)}\n{message}\n");
            if (i == 0 && n > 0)
            {
                // A new fast-import run starts the branch afresh unless told to continue its current tip.
                await writer.WriteAsync("from refs/heads/main^0\n");
            }

            if (n == 0)
            {
                for (var f = 0; f < FileCount; f++)
                {
                    await WriteFileAsync(writer, f, 0);
                }
            }
            else
            {
                await WriteFileAsync(writer, n % FileCount, n);
            }

            await writer.WriteAsync('\n');
        }

        await writer.WriteAsync("done\n");
        await writer.FlushAsync(cancellationToken);
    }

    private static async Task WriteFileAsync(StreamWriter writer, int file, int version)
    {
        var content = $"file {file} version {version}\n" + new string('x', 40 + (file % 200)) + "\n";
        await writer.WriteAsync($"M 100644 inline src/module{file % 50:D2}/file{file:D5}.txt\ndata {content.Length}\n{content}\n");
    }

    private async Task RunGitAsync(
        IReadOnlyList<string> arguments,
        Func<Stream, Task>? input,
        CancellationToken cancellationToken,
        Stream? output = null)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in Environment)
        {
            info.Environment[key] = value;
        }

        info.Environment["LC_ALL"] = "C";
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output ?? Stream.Null, cancellationToken);
        if (input is not null)
        {
            await input(process.StandardInput.BaseStream);
        }

        process.StandardInput.Close();
        await copy;
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {await error}");
        }
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>A sink that only counts, so the anchor pays for reading git's output and nothing else.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
