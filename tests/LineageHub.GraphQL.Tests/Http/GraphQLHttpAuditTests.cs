using LineageHub.GraphQL.Tests.Conformance;

namespace LineageHub.GraphQL.Tests.Http;

/// <summary>graphql-http's serverAudits against our endpoint: every MUST passes; SHOULDs we fail are listed here.</summary>
public sealed class GraphQLHttpAuditTests(GraphQLServerFixture server) : IClassFixture<GraphQLServerFixture>
{
    // Audits that are not MUSTs and that we fail on purpose, with the reason (also in the report).
    private static readonly Dictionary<string, string> KnownShouldFailures = new(StringComparer.Ordinal);

    [Fact]
    public void ServerAudits_AllMustsPass()
    {
        NodeHarness.Run(new { mode = "parse", documents = Array.Empty<string>() }); // installs packages if needed
        var (code, stdout, stderr) = NodeHarness.Exec("node", "audit.mjs " + server.Endpoint, null, TimeSpan.FromMinutes(2));
        Assert.True(code == 0, stderr);
        var results = System.Text.Json.Nodes.JsonNode.Parse(stdout)!.AsArray();
        Assert.True(results.Count > 40, "the audit suite should have run");
        var failures = results
            .Where(r => r!["status"]!.GetValue<string>() != "ok" && !KnownShouldFailures.ContainsKey(r["id"]!.GetValue<string>()))
            .Select(r => $"{r!["id"]} {r["name"]}: {r["reason"]}")
            .ToList();
        Assert.True(failures.Count == 0, "audits failed:\n" + string.Join("\n", failures));
    }
}
