using LineageHub.Core.Canonical;
using LineageHub.Core.Domain;

namespace LineageHub.Core.Ledger;

/// <summary>Collects typed nodes and edges into a <see cref="ChangeSet"/>.</summary>
public sealed class ChangeSetBuilder(string? actor = null)
{
    private readonly List<NodeFact> _nodes = [];
    private readonly List<EdgeFact> _edges = [];

    public ChangeSetBuilder Add(INode node)
    {
        _nodes.Add(new NodeFact(node.Key, NodeCodec.Encode(node)));
        return this;
    }

    public ChangeSetBuilder Add(NodeFact fact)
    {
        _nodes.Add(fact);
        return this;
    }

    public ChangeSetBuilder Link(EdgeKind kind, NodeKey from, NodeKey to, ReadOnlySpan<byte> propertiesJson = default)
    {
        _edges.Add(new EdgeFact(kind, from, to, propertiesJson.IsEmpty ? EdgeFact.NoProperties : CanonicalJson.Canonicalize(propertiesJson)));
        return this;
    }

    public ChangeSet Build() => new(_nodes.ToArray(), _edges.ToArray(), actor);
}
