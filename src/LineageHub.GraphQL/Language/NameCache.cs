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
        // Length and three characters pick the slot: constant time, where hashing every character cost as
        // much as the rest of lexing a name. A collision only evicts an entry, so a weak hash cannot be abused.
        var hash = (uint)length * 0x9E3779B1u ^ span[0] * 0x85EBCA6Bu ^ span[length - 1] * 0xC2B2AE35u ^ span[length >> 1] * 0x27D4EB2Fu;
        hash ^= hash >> 15;
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

    /// <summary>
    /// Where <paramref name="name"/> is in <paramref name="names"/>, or -1: for the small tables looked up on
    /// every field or spread. References are compared first, since a document's names and a table's come
    /// from this cache and are mostly the same instances; a scan beats hashing at that size.
    /// </summary>
    public static int IndexOf(string[] names, string name)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (ReferenceEquals(names[i], name))
            {
                return i;
            }
        }
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }
}
