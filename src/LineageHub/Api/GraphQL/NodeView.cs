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
/// Nothing is computed up front: a field's value is made when a query first selects it, read from the
/// record's bytes, and kept. A record never changes once stored, so neither do the values made from it:
/// a view the <see cref="NodeViewCache"/> hands to later requests answers them from what it kept. A page of
/// runs shows hundreds of nodes, the same ones request after request, and reading their values again from
/// JSON each time was a quarter of its cost.
/// </remarks>
internal sealed class NodeView : FieldMap
{
    // A slot's value once made, when that value is null: a null slot is one not made yet.
    private static readonly object Absent = new();

    private readonly NodeRecord _record;
    private readonly NodeViewFields _fields;
    private readonly object?[] _values;
    private INode? _node;

    private NodeView(NodeRecord record, NodeViewFields fields)
    {
        _record = record;
        _fields = fields;
        _values = new object?[fields.Names.Count];
    }

    /// <summary>The record the view shows.</summary>
    public NodeRecord Record => _record;

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

    protected override IReadOnlyCollection<string> FieldNames => _fields.Names;

    public override bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (!_fields.Fields.TryGetValue(key, out var field))
        {
            value = null;
            return false;
        }
        // Requests may share the view: two that make a value at once make equal ones, and either may stay.
        var kept = Volatile.Read(ref _values[field.Slot]);
        if (kept is null)
        {
            kept = field.Read(this) ?? Absent;
            Volatile.Write(ref _values[field.Slot], kept);
        }
        value = ReferenceEquals(kept, Absent) ? null : kept;
        return true;
    }
}
