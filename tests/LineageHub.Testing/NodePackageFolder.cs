using System.ComponentModel;
using System.Diagnostics;

namespace LineageHub.Testing;

/// <summary>
/// A folder of pinned npm packages in the source tree (its package.json and package-lock.json), installed
/// with <c>npm ci</c> on first use — so a fresh clone's test run needs only Node and npm — and the Node
/// scripts kept in it, run with their input on stdin.
/// </summary>
public sealed class NodePackageFolder
{
    private readonly Lock _installLock = new();
    private readonly string _installedModule;
    private readonly string _neededBy;
    private bool _installed;

    /// <param name="relativePath">The folder, relative to the repository root (e.g. <c>tests/X.Tests/conformance</c>).</param>
    /// <param name="installedModule">A module under node_modules that exists once the install is done.</param>
    /// <param name="neededBy">What needs the packages, for the error when Node or npm is missing.</param>
    public NodePackageFolder(string relativePath, string installedModule, string neededBy)
    {
        Path = Find(relativePath);
        _installedModule = installedModule;
        _neededBy = neededBy;
    }

    public string Path { get; }

    /// <summary>Runs <c>npm ci</c> once per process, unless the packages are already there.</summary>
    public void EnsureInstalled()
    {
        lock (_installLock)
        {
            if (_installed || Directory.Exists(System.IO.Path.Combine(Path, "node_modules", _installedModule)))
            {
                _installed = true;
                return;
            }
            int code;
            string stderr;
            try
            {
                (code, _, stderr) = Exec("npm", "ci --no-audit --no-fund", null, TimeSpan.FromMinutes(5));
            }
            catch (Win32Exception ex)
            {
                throw new InvalidOperationException($"{_neededBy} needs Node.js and npm on PATH: {ex.Message}", ex);
            }
            if (code != 0)
            {
                throw new InvalidOperationException($"npm ci in {Path} failed ({code}): {stderr}");
            }
            _installed = true;
        }
    }

    /// <summary>Runs a program in the folder, with <paramref name="stdin"/> as its input, within a time limit.</summary>
    public (int Code, string Stdout, string Stderr) Exec(string file, string arguments, string? stdin, TimeSpan timeout) =>
        Exec(new ProcessStartInfo(file, arguments), stdin, timeout);

    /// <summary>Runs a program in the folder with each argument passed as it is (paths with spaces included).</summary>
    public (int Code, string Stdout, string Stderr) Exec(string file, IReadOnlyList<string> arguments, string? stdin, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        return Exec(info, stdin, timeout);
    }

    private (int Code, string Stdout, string Stderr) Exec(ProcessStartInfo info, string? stdin, TimeSpan timeout)
    {
        info.WorkingDirectory = Path;
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        using var process = Process.Start(info)!;
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            var arguments = info.ArgumentList.Count > 0 ? string.Join(' ', info.ArgumentList) : info.Arguments;
            throw new TimeoutException($"{info.FileName} {arguments} did not finish within {timeout}");
        }
        return (process.ExitCode, stdoutTask.GetAwaiter().GetResult(), stderrTask.GetAwaiter().GetResult());
    }

    private static string Find(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, relativePath);
            if (File.Exists(System.IO.Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"{relativePath} not found above {AppContext.BaseDirectory}");
    }
}
