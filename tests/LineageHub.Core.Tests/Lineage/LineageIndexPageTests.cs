using System.Text;
using LineageHub.Core.Domain;
using LineageHub.Core.Lineage;
using LineageHub.Core.Storage;

namespace LineageHub.Core.Tests.Lineage;

/// <summary>
/// The index's pages of one kind against the plainest reading of a page: every key of the kind, sorted by
/// its UTF-8 bytes, filtered and cut with LINQ. Keys arrive before and after the first page and in commits
/// large enough to fold the recent additions into the main order, so every state of the order is checked.
/// </summary>
public sealed class LineageIndexPageTests
{
    // Parts that sort differently in UTF-16 and in UTF-8 (a supplementary character against U+E000..U+FFFF),
    // that need escaping, and that differ only in ASCII case or only outside ASCII.
    private static readonly string[] Namespaces = ["s3://lake", "s3://lake2", "gs://events", "file://\uE000", "file://\U0001F600", "s3://la"];
    private static readonly string[] Names = ["orders", "Orders", "customers", "CUSTOMER_events", "r|ch", "100%", "\u00C9t\u00E9", "\u00E9t\u00E9", "\uFFFDx", "\U0001F600y", "z"];

    private static readonly Comparer<string> Utf8 = Comparer<string>.Create((a, b) => Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b)));

    [Fact]
    public void Pages_MatchUtf8SortedFilteredKeys_BeforeAndAfterAdditionsAndFolds()
    {
        using var index = new LineageIndex();
        var random = new Random(7);
        var all = new List<NodeKey>();
        var seq = 0L;
        void AddBatch(int count)
        {
            var batch = new List<(NodeKey, long)>();
            while (batch.Count < count)
            {
                var kind = random.Next(4) == 0 ? NodeKind.Run : NodeKind.Dataset;
                var key = NodeKey.Of(kind, Namespaces[random.Next(Namespaces.Length)], Names[random.Next(Names.Length)] + random.Next(100_000));
                if (!all.Contains(key) && !batch.Exists(b => b.Item1 == key))
                {
                    batch.Add((key, seq++));
                }
            }
            index.AddCommitted(batch, []);
            all.AddRange(batch.Select(b => b.Item1));
        }

        AddBatch(3000);
        CheckPages(index, all, random);
        for (var round = 0; round < 6; round++)
        {
            // Small commits stay beside the main order; a large one folds them in.
            AddBatch(round == 3 ? 5000 : random.Next(1, 200));
            CheckPages(index, all, random);
        }
    }

    [Fact]
    public void Compare_OrdersAsUtf8Bytes()
    {
        string[] keys = ["a", "ab", "b", "\u007F", "\u0080", "\uD7FF", "\uE000", "\uFFFF", "\U00010000", "\U0010FFFF", ""];
        var expected = keys.Order(Utf8).ToArray();
        var actual = keys.Order(Comparer<string>.Create(KeyOrder.Compare)).ToArray();
        Assert.Equal(expected, actual);
        Assert.Equal(["", "\u007F", "\u0080", "\uD7FF", "\uE000", "\uFFFF", "\U00010000", "\U0010FFFF"], expected.Where(k => k is not ("a" or "ab" or "b")));
    }

    private static void CheckPages(LineageIndex index, List<NodeKey> all, Random random)
    {
        foreach (var kind in new[] { NodeKind.Dataset, NodeKind.Run, NodeKind.Model })
        {
            var sorted = all.Where(k => k.Kind == kind).Select(k => k.Key).Order(Utf8).ToList();
            var requests = new List<NodePageRequest> { new(100), new(7) { Backward = true }, new(1000) };
            for (var i = 0; i < 40; i++)
            {
                var cursor = sorted.Count == 0 ? "s3://lake|x" : sorted[random.Next(sorted.Count)];
                requests.Add(new NodePageRequest(random.Next(1, 60))
                {
                    KeyPrefix = random.Next(3) switch { 0 => null, 1 => Namespaces[random.Next(Namespaces.Length)] + "|", _ => Namespaces[random.Next(Namespaces.Length)] },
                    NameContains = random.Next(3) == 0 ? new[] { "order", "CUSTOMER", "r|ch", "%", "\u00E9t", "\U0001F600" }[random.Next(6)] : null,
                    AfterKey = random.Next(2) == 0 ? cursor : null,
                    BeforeKey = random.Next(3) == 0 ? sorted.ElementAtOrDefault(random.Next(Math.Max(1, sorted.Count))) : null,
                    Backward = random.Next(2) == 0,
                });
            }
            foreach (var request in requests)
            {
                var expected = Expected(sorted, request);
                var actual = index.PageOrdinals(kind, request).Select(o => index.TryGetKey(o, out var key) ? key.Key : "?").ToList();
                Assert.Equal(expected, actual);
            }
        }
    }

    private static List<string> Expected(List<string> sorted, NodePageRequest request)
    {
        var escaped = request.NameContains?.Replace("%", "%25", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal);
        var matching = sorted.Where(k =>
            k.StartsWith(request.KeyPrefix ?? "", StringComparison.Ordinal)
            && (request.AfterKey is null || Utf8.Compare(k, request.AfterKey) > 0)
            && (request.BeforeKey is null || Utf8.Compare(k, request.BeforeKey) < 0)
            && (escaped is null || AsciiLower(k.Contains('|') ? k[(k.IndexOf('|') + 1)..] : k).Contains(AsciiLower(escaped), StringComparison.Ordinal)));
        return request.Backward ? [.. matching.TakeLast(request.Limit)] : [.. matching.Take(request.Limit)];
    }

    private static string AsciiLower(string text) => string.Concat(text.Select(c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c));
}
