using System.Text;

namespace LineageHub.Core.Domain;

/// <summary>
/// A node's natural key: its kind plus the parts that identify it, e.g. <c>dataset:s3://bucket|sales</c>.
/// Parts are joined with <c>|</c>; a <c>%</c> or <c>|</c> inside a part is percent-escaped, so any
/// namespace or name (URLs included) round-trips.
/// </summary>
public readonly record struct NodeKey
{
    private const int MaxLength = 4096;

    // Computed once, when the key is made: a request hashes each key it touches several times (its
    // loaders, the index, the store's maps), and hashing the whole key text each time showed in profiles.
    private readonly int _hash;

    public NodeKey(NodeKind kind, string key)
    {
        Kind = kind;
        Key = key;
        _hash = HashCode.Combine(kind, key);
    }

    public NodeKind Kind { get; }

    public string Key { get; }

    public void Deconstruct(out NodeKind kind, out string key)
    {
        kind = Kind;
        key = Key;
    }

    public bool Equals(NodeKey other) => _hash == other._hash && Kind == other.Kind && string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override int GetHashCode() => _hash;

    public static NodeKey Of(NodeKind kind, params ReadOnlySpan<string> parts)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (string.IsNullOrEmpty(parts[i]))
            {
                throw LineageHubException.InvalidInput($"a {NodeKinds.Name(kind)} key part {i + 1} is empty");
            }
            if (i > 0)
            {
                builder.Append('|');
            }
            builder.Append(parts[i].Replace("%", "%25", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal));
        }
        if (builder.Length > MaxLength)
        {
            throw LineageHubException.InvalidInput($"a {NodeKinds.Name(kind)} key is {builder.Length} characters; the limit is {MaxLength}");
        }
        return new NodeKey(kind, builder.ToString());
    }

    /// <summary>The unescaped parts of the key.</summary>
    public string[] Parts() =>
        [.. Key.Split('|').Select(p => p.Replace("%7C", "|", StringComparison.OrdinalIgnoreCase).Replace("%25", "%", StringComparison.Ordinal))];

    /// <summary>Parses the text form <c>kind:key</c>.</summary>
    public static NodeKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw LineageHubException.InvalidInput($"not a node id: '{text}' (expected kind:key, e.g. dataset:ns|name)");

    public static bool TryParse(string? text, out NodeKey key)
    {
        key = default;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0 || colon == text!.Length - 1 || text.Length > MaxLength + 32 || !NodeKinds.TryParse(text[..colon], out var kind))
        {
            return false;
        }
        key = new NodeKey(kind, text[(colon + 1)..]);
        return true;
    }

    public override string ToString() => $"{NodeKinds.Name(Kind)}:{Key}";
}
