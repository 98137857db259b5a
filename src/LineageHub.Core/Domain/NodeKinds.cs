using System.Collections.Frozen;

namespace LineageHub.Core.Domain;

/// <summary>The snake_case wire names of node kinds, as they appear in node keys (<c>dataset_version:…</c>).</summary>
public static class NodeKinds
{
    private static readonly FrozenDictionary<NodeKind, string> Names = Enum.GetValues<NodeKind>()
        .ToFrozenDictionary(k => k, k => string.Concat(k.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())));

    private static readonly FrozenDictionary<string, NodeKind> ByName = Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string Name(NodeKind kind) => Names[kind];

    public static bool TryParse(string name, out NodeKind kind) => ByName.TryGetValue(name, out kind);
}
