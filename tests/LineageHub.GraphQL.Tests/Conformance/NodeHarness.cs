using System.Text.Json;
using System.Text.Json.Nodes;
using LineageHub.Testing;

namespace LineageHub.GraphQL.Tests.Conformance;

/// <summary>
/// Runs the graphql-js reference harness (conformance/harness.mjs) with pinned packages, installing them
/// with <c>npm ci</c> on first use so a fresh clone's test run needs nothing but Node and npm.
/// </summary>
internal static class NodeHarness
{
    private static readonly NodePackageFolder Packages = new("tests/LineageHub.GraphQL.Tests/conformance", "graphql-http", "The conformance tests (graphql-js)");

    /// <summary>The conformance folder beside the test project's sources.</summary>
    public static string Folder => Packages.Path;

    public static string CorpusFile(string name) => Path.Combine(Folder, "corpus", name);

    public static JsonNode Run(object request)
    {
        Packages.EnsureInstalled();
        var (code, stdout, stderr) = Packages.Exec("node", "harness.mjs", JsonSerializer.Serialize(request), TimeSpan.FromMinutes(2));
        if (code != 0)
        {
            throw new InvalidOperationException($"graphql-js harness failed ({code}): {stderr}");
        }
        return JsonNode.Parse(stdout)!;
    }

    /// <summary>Runs a program in the conformance folder once its packages are installed.</summary>
    public static (int Code, string Stdout, string Stderr) Exec(string file, string arguments, string? stdin, TimeSpan timeout)
    {
        Packages.EnsureInstalled();
        return Packages.Exec(file, arguments, stdin, timeout);
    }

    /// <summary>Splits a corpus file into documents at lines reading <c># ---</c>.</summary>
    public static List<string> Documents(string file) =>
        [.. File.ReadAllText(file).ReplaceLineEndings("\n").Split("\n# ---\n").Select(d => d.Trim('\n')).Where(d => d.Length > 0)];
}
