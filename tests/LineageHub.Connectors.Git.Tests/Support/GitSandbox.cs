using System.Diagnostics;
using System.Text;

namespace LineageHub.Connectors.Git.Tests.Support;

/// <summary>
/// A temporary folder with its own HOME and global git configuration, so tests neither read nor
/// depend on the machine's git setup. Every repository a test builds lives inside it; disposing it
/// deletes them all.
/// </summary>
public sealed class GitSandbox : IDisposable
{
    public GitSandbox()
    {
        Root = Directory.CreateTempSubdirectory("lineagehub-git-tests-").FullName;
        Home = Path.Combine(Root, "home");
        Directory.CreateDirectory(Home);
        var globalConfig = Path.Combine(Home, ".gitconfig");
        File.WriteAllText(globalConfig, """
            [init]
            	defaultBranch = main
            [commit]
            	gpgsign = false
            [core]
            	autocrlf = false
            [advice]
            	detachedHead = false
            """);
        Environment = new Dictionary<string, string?>
        {
            ["HOME"] = Home,
            ["XDG_CONFIG_HOME"] = Path.Combine(Home, ".config"),
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = globalConfig,
            // Stop repository discovery at the sandbox, so "not a repository" holds even under a repository.
            ["GIT_CEILING_DIRECTORIES"] = Root,
            ["GIT_AUTHOR_NAME"] = null,
            ["GIT_AUTHOR_EMAIL"] = null,
            ["GIT_COMMITTER_NAME"] = null,
            ["GIT_COMMITTER_EMAIL"] = null,
            ["GIT_AUTHOR_DATE"] = null,
            ["GIT_COMMITTER_DATE"] = null,
        };
        Options = new GitConnectorOptions { Environment = Environment };
    }

    public string Root { get; }

    public string Home { get; }

    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>Options that make the connector use the sandbox's isolated configuration.</summary>
    public GitConnectorOptions Options { get; }

    /// <summary>A new, empty repository with a local user configured.</summary>
    public TestRepository CreateRepository(string name = "repo")
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        Git(path, "init", "-q", "-b", "main");
        var repository = new TestRepository(this, path);
        repository.Git("config", "user.name", "Ada Lovelace");
        repository.Git("config", "user.email", "ada@example.com");
        return repository;
    }

    public Task<GitRepository> OpenAsync(string path, GitConnectorOptions? options = null) =>
        GitRepository.OpenAsync(path, options ?? Options);

    public string Git(string workingDirectory, params string[] arguments) =>
        Encoding.UTF8.GetString(GitBytes(workingDirectory, null, null, arguments)).TrimEnd('\n');

    /// <summary>Runs git (never through a shell) and returns its raw output; throws with stderr on failure.</summary>
    public byte[] GitBytes(string workingDirectory, byte[]? input, IReadOnlyDictionary<string, string?>? extra, params string[] arguments)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in Environment.Concat(extra ?? new Dictionary<string, string?>()))
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        info.Environment["LC_ALL"] = "C";
        using var process = Process.Start(info)!;
        var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.BaseStream.Write(input);
        }

        process.StandardInput.Close();
        copy.Wait();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
        }

        return output.ToArray();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // .NET cannot name a file whose name is not UTF-8 (the raw-path tests make some), so it
            // cannot delete it either; rm takes the bytes from the directory listing itself.
            RemoveWithRm();
        }
        catch (UnauthorizedAccessException)
        {
            RemoveWithRm();
        }
    }

    private void RemoveWithRm()
    {
        var info = new ProcessStartInfo("rm") { UseShellExecute = false };
        info.ArgumentList.Add("-rf");
        info.ArgumentList.Add("--");
        info.ArgumentList.Add(Root);
        using var process = Process.Start(info);
        process?.WaitForExit();
    }
}
