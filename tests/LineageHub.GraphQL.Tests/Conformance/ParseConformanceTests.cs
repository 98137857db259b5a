using LineageHub.GraphQL.Language;

namespace LineageHub.GraphQL.Tests.Conformance;

/// <summary>Parse verdicts, messages and positions match graphql-js, on the corpus and on thousands of mutations of it.</summary>
public sealed class ParseConformanceTests
{
    [Fact]
    public void Parse_CorpusAndMutations_MatchGraphQLJs()
    {
        var seeds = NodeHarness.Documents(NodeHarness.CorpusFile("parse.graphql"))
            .Concat(NodeHarness.Documents(NodeHarness.CorpusFile("validation.graphql"))).ToList();
        var documents = seeds.Concat(DocumentMutator.Mutate(seeds, 3000, seed: 20261122)).ToList();
        var expected = NodeHarness.Run(new { mode = "parse", documents }).AsArray();
        // No limits: graphql-js has none by default, and the comparison is of the grammar.
        var options = new ParserOptions { MaxDepth = 10_000, MaxTokens = int.MaxValue, MaxDocumentLength = int.MaxValue };
        var differences = new List<string>();
        var failures = 0;
        for (var i = 0; i < documents.Count; i++)
        {
            var theirs = expected[i]!;
            string ours;
            try
            {
                Parser.Parse(documents[i], options);
                ours = "ok";
            }
            catch (GraphQLSyntaxException ex)
            {
                ours = $"Syntax Error: {ex.Description} @{ex.Line}:{ex.Column}";
            }
            var reference = theirs["ok"]!.GetValue<bool>() ? "ok" : $"{theirs["message"]} @{theirs["line"]}:{theirs["column"]}";
            failures += reference == "ok" ? 0 : 1;
            if (reference != ours)
            {
                differences.Add($"#{i}: {Show(documents[i])}\n  graphql-js: {reference}\n  ours:       {ours}");
            }
        }
        Assert.True(failures > 1000, "mutations should produce many invalid documents");
        Assert.True(differences.Count == 0, $"{differences.Count} of {documents.Count} documents differ:\n" + string.Join("\n", differences.Take(30)));
    }

    [Fact]
    public void Print_Corpus_MatchesGraphQLJs()
    {
        var documents = NodeHarness.Documents(NodeHarness.CorpusFile("parse.graphql"))
            .Concat(NodeHarness.Documents(NodeHarness.CorpusFile("validation.graphql"))).ToList();
        var expected = NodeHarness.Run(new { mode = "print", documents }).AsArray();
        var compared = 0;
        for (var i = 0; i < documents.Count; i++)
        {
            if (expected[i] is null)
            {
                continue;
            }
            compared++;
            Assert.Equal(expected[i]!.GetValue<string>(), Printer.Print(Parser.Parse(documents[i])));
        }
        Assert.True(compared > 50);
    }

    private static string Show(string document) => document.Length > 200 ? document[..200] + "…" : document;
}
