using System.Text;

namespace LineageHub.GraphQL.Tests.Conformance;

/// <summary>Deterministic mutations of seed documents: truncations, deletions, insertions, token swaps, nesting, huge strings.</summary>
internal static class DocumentMutator
{
    private static readonly string[] Insertions = ["{", "}", "(", ")", "[", "]", "...", "$", "@", ":", "=", "!", "|", "&", "\"", "\"\"\"", "#", "\n", "0", "-", "1.5e", "on", "fragment", "query", "\\u", "\u00e9", "\u0000", "\r", "\t", ",", "null", "'"];

    public static IEnumerable<string> Mutate(IReadOnlyList<string> seeds, int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var source = seeds[random.Next(seeds.Count)];
            yield return (random.Next(9)) switch
            {
                0 => source[..random.Next(source.Length + 1)],
                1 => Delete(source, random),
                2 => Insert(source, random),
                3 => Insert(Insert(source, random), random),
                4 => SwapTokens(source, random),
                5 => Duplicate(source, random),
                6 => Nested(random),
                7 => HugeString(random),
                _ => Delete(Insert(source, random), random),
            };
        }
    }

    private static string Delete(string s, Random r)
    {
        if (s.Length == 0)
        {
            return s;
        }
        var at = r.Next(s.Length);
        return s.Remove(at, Math.Min(s.Length - at, 1 + r.Next(3)));
    }

    private static string Insert(string s, Random r) => s.Insert(r.Next(s.Length + 1), Insertions[r.Next(Insertions.Length)]);

    private static string SwapTokens(string s, Random r)
    {
        var tokens = s.Split(' ');
        if (tokens.Length < 2)
        {
            return s;
        }
        var a = r.Next(tokens.Length);
        var b = r.Next(tokens.Length);
        (tokens[a], tokens[b]) = (tokens[b], tokens[a]);
        return string.Join(' ', tokens);
    }

    private static string Duplicate(string s, Random r)
    {
        var start = r.Next(s.Length + 1);
        var length = r.Next(s.Length - start + 1);
        return s.Insert(start, s.Substring(start, length));
    }

    private static string Nested(Random r)
    {
        var depth = r.Next(1, 400);
        var sb = new StringBuilder("{ ");
        for (var i = 0; i < depth; i++)
        {
            sb.Append(r.Next(3) switch { 0 => "dog { ", 1 => "... on Dog { ", _ => "mother { " });
        }
        sb.Append("name");
        sb.Append(' ', 1).Append(string.Concat(Enumerable.Repeat("} ", depth + (r.Next(4) == 0 ? 0 : 1))));
        return sb.ToString();
    }

    private static string HugeString(Random r) =>
        "{ dog { name(surname: \"" + new string('x', r.Next(1_000, 200_000)) + (r.Next(2) == 0 ? "\"" : "") + ") } }";
}
