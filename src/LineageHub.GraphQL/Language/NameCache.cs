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
        var hash = string.GetHashCode(span);
        var slot = hash & (Size - 1);
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
