using System.Diagnostics.CodeAnalysis;
using LineageHub.Core.Domain;
using LineageHub.Core.Storage;

namespace LineageHub.Api.GraphQL;

/// <summary>
/// A stored node as the value GraphQL resolves over: a read-only map from the type's field names to their
/// values, read by the engine's default resolver, plus <c>__typename</c> (which resolves the <c>Node</c>
/// interface) and the node key the neighbour resolvers start from.
/// </summary>
/// <remarks>
/// Nothing is computed up front: the record's properties are decoded on the first field read (once per
/// view), and a field's value is made only when a query selects it. A page of runs builds hundreds of
/// views and selects a few fields of each, so building every field of every view was most of its cost.
/// </remarks>
internal sealed class NodeView : FieldMap
{
    private readonly NodeRecord _record;
    private readonly NodeViewFields _fields;
    private INode? _node;

    private NodeView(NodeRecord record, NodeViewFields fields)
    {
        _record = record;
        _fields = fields;
    }

    /// <summary>The key of the node.</summary>
    public NodeKey Key => _record.Key;

    /// <summary>The GraphQL type of the node.</summary>
    public string TypeName => _fields.TypeName;

    /// <summary>The ledger entry that created the node.</summary>
    public long Seq => _record.Seq;

    /// <summary>The whole decoded record (decoded on first use; most fields read <see cref="Read"/> instead).</summary>
    public INode Node => _node ??= _record.ToNode();

    /// <summary>One stored property's value, read from the record's bytes.</summary>
    public object? Read(StoredProperty property) => property.Read(_record.Properties);

    /// <summary>A string property the record must have, read from its bytes.</summary>
    public string Text(StoredProperty property) => property.Read(_record.Properties) as string
        ?? throw Core.LineageHubException.Corrupt($"a stored {NodeKinds.Name(Key.Kind)} lacks a property its key is made of");

    /// <summary>The view of <paramref name="record"/>, or null for kinds this schema has no type for (consent).</summary>
    public static NodeView? Of(NodeRecord record) =>
        NodeViewFields.For(record.Key.Kind) is { } fields ? new NodeView(record, fields) : null;

    protected override IReadOnlyCollection<string> FieldNames => _fields.Readers.Keys;

    public override bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (_fields.Readers.TryGetValue(key, out var read))
        {
            value = read(this);
            return true;
        }
        value = null;
        return false;
    }
}
