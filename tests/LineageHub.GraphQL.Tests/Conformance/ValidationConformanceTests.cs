using LineageHub.GraphQL.Language;
using LineageHub.GraphQL.Types;
using LineageHub.GraphQL.Validation;

namespace LineageHub.GraphQL.Tests.Conformance;

/// <summary>Every document of the validation corpus gets the same verdict and the same errors as from graphql-js.</summary>
public sealed class ValidationConformanceTests
{
    [Fact]
    public void Validate_Corpus_MatchesGraphQLJs() =>
        Compare(NodeHarness.Documents(NodeHarness.CorpusFile("validation.graphql")), minimumInvalid: 50);

    // Field merging on large selection sets, many spreads and shared fragments: the shapes where the rule
    // groups by counting, looks sub-selections up through a map and tracks visited fragments in a set.
    [Fact]
    public void Validate_MergingCorpus_MatchesGraphQLJs() =>
        Compare(NodeHarness.Documents(NodeHarness.CorpusFile("merging.graphql")), minimumInvalid: 3);

    [Fact]
    public void Validate_MutatedCorpus_MatchesGraphQLJs()
    {
        var seeds = NodeHarness.Documents(NodeHarness.CorpusFile("validation.graphql"));
        var parseable = DocumentMutator.Mutate(seeds, 4000, seed: 5)
            .Where(d =>
            {
                try
                {
                    Parser.Parse(d);
                    return true;
                }
                catch (GraphQLSyntaxException)
                {
                    return false;
                }
            })
            .ToList();
        Assert.True(parseable.Count > 500, $"only {parseable.Count} mutations parse");
        Compare(parseable, minimumInvalid: 300);
    }

    private static void Compare(List<string> documents, int minimumInvalid)
    {
        var sdl = File.ReadAllText(NodeHarness.CorpusFile("pets.graphql"));
        var expected = NodeHarness.Run(new { mode = "validate", schema = sdl, documents }).AsArray();
        var schema = Schema.FromSdl(sdl);
        var differences = new List<string>();
        var invalid = 0;
        for (var i = 0; i < documents.Count; i++)
        {
            var theirs = expected[i]!.AsArray().Select(e => StripSuggestions(e!["message"]!.GetValue<string>()) + " @" + string.Join(",", e["locations"]!.AsArray().Select(l => $"{l!["line"]}:{l["column"]}"))).Order(StringComparer.Ordinal).ToList();
            var ours = DocumentValidator.Validate(schema, Parser.Parse(documents[i])).Select(e => e.Message + " @" + string.Join(",", e.Locations!.Select(l => $"{l.Line}:{l.Column}"))).Order(StringComparer.Ordinal).ToList();
            invalid += theirs.Count > 0 ? 1 : 0;
            // graphql-js keeps validating after 5.1.1 fails; we stop there, so only the verdict and that rule's errors compare.
            if (ours.Count > 0 && ours.All(m => m.Contains("definition is not executable.", StringComparison.Ordinal)))
            {
                theirs = [.. theirs.Where(m => m.Contains("definition is not executable.", StringComparison.Ordinal))];
            }
            if (!theirs.SequenceEqual(ours))
            {
                differences.Add($"#{i}: {documents[i]}\n  graphql-js: {string.Join(" | ", theirs)}\n  ours:       {string.Join(" | ", ours)}");
            }
        }
        Assert.True(invalid > minimumInvalid, $"the corpus should exercise many invalid documents ({invalid})");
        Assert.True(differences.Count == 0, $"{differences.Count} of {documents.Count} documents differ:\n" + string.Join("\n", differences.Take(25)));
    }

    // graphql-js appends "Did you mean ...?" suggestions; we do not compute them.
    private static string StripSuggestions(string message)
    {
        var i = message.IndexOf(" Did you mean", StringComparison.Ordinal);
        return i < 0 || message.StartsWith("Field \"", StringComparison.Ordinal) && message.Contains("must have a selection of subfields", StringComparison.Ordinal) ? message : message[..i];
    }
}
