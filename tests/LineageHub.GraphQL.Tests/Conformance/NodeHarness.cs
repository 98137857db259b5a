using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LineageHub.GraphQL.Tests.Conformance;

/// <summary>
/// Runs the graphql-js reference harness (conformance/harness.mjs) with pinned packages, installing them
/// with <c>npm ci</c> on first use so a fresh clone's test run needs nothing but Node and npm.
/// </summary>
internal static class NodeHarness
{
    private static readonly Lock InstallLock = new();
    private static bool _installed;

    /// <summary>The conformance folder beside the test project's sources.</summary>
    public static string Folder { get; } = FindFolder();

    public static string CorpusFile(string name) => Path.Combine(Folder, "corpus", name);

    public static JsonNode Run(object request)
    {
        EnsureInstalled();
        var (code, stdout, stderr) = Exec("node", "harness.mjs", JsonSerializer.Serialize(request), TimeSpan.FromMinutes(2));
        if (code != 0)
        {
            throw new InvalidOperationException($"graphql-js harness failed ({code}): {stderr}");
        }
        return JsonNode.Parse(stdout)!;
    }

    private static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            if (_installed || Directory.Exists(Path.Combine(Folder, "node_modules", "graphql-http")))
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
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new InvalidOperationException("The conformance tests need Node.js and npm on PATH to install graphql-js: " + ex.Message, ex);
            }
            if (code != 0)
            {
                throw new InvalidOperationException($"npm ci in {Folder} failed ({code}): {stderr}");
            }
            _installed = true;
        }
    }

    public static (int Code, string Stdout, string Stderr) Exec(string file, string arguments, string? stdin, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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
            throw new TimeoutException($"{file} {arguments} did not finish within {timeout}");
        }
        return (process.ExitCode, stdoutTask.GetAwaiter().GetResult(), stderrTask.GetAwaiter().GetResult());
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "LineageHub.GraphQL.Tests", "conformance");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
            candidate = Path.Combine(dir.FullName, "conformance");
            if (File.Exists(Path.Combine(candidate, "harness.mjs")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("conformance folder (tests/LineageHub.GraphQL.Tests/conformance) not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Splits a corpus file into documents at lines reading <c># ---</c>.</summary>
    public static List<string> Documents(string file) =>
        [.. File.ReadAllText(file).ReplaceLineEndings("\n").Split("\n# ---\n").Select(d => d.Trim('\n')).Where(d => d.Length > 0)];
}
