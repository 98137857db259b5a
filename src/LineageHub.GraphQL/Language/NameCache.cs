namespace LineageHub.GraphQL.Language;

/// <summary>
/// Names repeat heavily within and across documents; a small lock-free cache hands back the same string
/// instance so parsing a document does not allocate one string per occurrence of a field name.
/// </summary>
internal static class NameCache
{
    private const int Size = 4096;
    private static readonly string?[] Entries = new string?[Size];

    public static string Get(string source, int start, int length)
    {
        var span = source.AsSpan(start, length);
        // FNV-1a over the characters: names are short, and the randomised string hash costs more than
        // the rest of lexing a name. A collision only evicts an entry, so a weak hash cannot be abused.
        var hash = 2166136261u;
        foreach (var c in span)
        {
            hash = (hash ^ c) * 16777619u;
        }
        var slot = (int)(hash & (Size - 1));
        var cached = Volatile.Read(ref Entries[slot]);
        if (cached is not null && span.SequenceEqual(cached))
        {
            return cached;
        }
        var created = span.ToString();
        Volatile.Write(ref Entries[slot], created);
        return created;
    }
}
