using System.Diagnostics;

namespace LineageHub.Storage.Neo4j.Tests.Deployment;

/// <summary>Runs <c>docker-compose config</c>: it validates a compose file without any Docker engine.</summary>
internal static class DockerCompose
{
    public static string? Path { get; } = Environment.GetEnvironmentVariable("PATH")?
        .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => System.IO.Path.Combine(dir, "docker-compose"))
        .FirstOrDefault(File.Exists);

    /// <summary>The repository root (where docker-compose.yml lives).</summary>
    public static string Root { get; } = FindRoot();

    public static (int Code, string Stdout, string Stderr) Config(string file, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(Path!, ["-f", file, "config"])
        {
            WorkingDirectory = System.IO.Path.GetDirectoryName(file)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("docker-compose config did not finish within a minute");
        }
        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "docker-compose.yml")) && File.Exists(System.IO.Path.Combine(dir.FullName, "LineageHub.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("the repository root (with docker-compose.yml) was not found above " + AppContext.BaseDirectory);
    }
}
