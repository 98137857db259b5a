using LineageHub.Parquet.Meta;
using LineageHub.Parquet.Schema;
using LineageHub.Parquet.Values;

namespace LineageHub.Parquet.Rows;

/// <summary>
/// Rebuilds records from leaf levels (Dremel record assembly, parquet-format "Nested Encoding"), interpreting
/// LIST and MAP annotations with the backward-compatibility rules of LogicalTypes.md. Every step consumes at least
/// one level entry of every leaf beneath it, so corrupt levels end in an error, never a loop.
/// </summary>
internal sealed class RowAssembler
{
    private readonly LeafCursor?[] _cursors;
    private readonly IReadOnlyList<SchemaNode> _fields;
    private readonly string[] _names;

    public RowAssembler(IReadOnlyList<SchemaNode> fields, LeafCursor?[] cursorsByLeafIndex)
    {
        _fields = fields;
        _cursors = cursorsByLeafIndex;
        _names = fields.Select(f => f.Path.Count == 1 ? f.Name : f.DottedPath).ToArray();
    }

    public ParquetStruct ReadRow()
    {
        var values = new object?[_fields.Count];
        for (var i = 0; i < _fields.Count; i++)
        {
            var first = FirstLeaf(_fields[i]);
            if (first.PeekRepetition() != 0)
            {
                throw new ParquetFormatException($"{ParquetErrors.Levels}: column '{first.Batch.Column.DottedPath}' continues a record at entry {first.Level} where a new one should start");
            }
            // A projected nested field is null when one of its ancestors is, whatever its own repetition.
            if (_fields[i].Repetition != FieldRepetition.Repeated && first.PeekDefinition() < _fields[i].MaxDefinitionLevel)
            {
                Skip(_fields[i]);
                continue;
            }
            values[i] = ReadField(_fields[i]);
        }
        return new ParquetStruct(_names, values);
    }

    /// <summary>After the last row every leaf must be fully consumed, else the columns disagree on the rows.</summary>
    public void CheckConsumed()
    {
        foreach (var c in _cursors)
        {
            if (c is not null && (c.Level != c.Batch.LevelCount || c.Value != c.Batch.ValueCount))
            {
                throw new ParquetFormatException($"{ParquetErrors.Levels}: column '{c.Batch.Column.DottedPath}' has {c.Batch.LevelCount - c.Level} level entries and {c.Batch.ValueCount - c.Value} values left after the last row");
            }
        }
    }

    private object? ReadField(SchemaNode node)
    {
        if (node.Repetition == FieldRepetition.Repeated)
        {
            // A repeated field outside a LIST/MAP annotation is a list of its values.
            return ReadRepeated(node, () => ReadPresent(node));
        }
        if (node.Repetition == FieldRepetition.Optional && FirstLeaf(node).PeekDefinition() < node.MaxDefinitionLevel)
        {
            Skip(node);
            return null;
        }
        return ReadPresent(node);
    }

    private object? ReadPresent(SchemaNode node)
    {
        if (node.IsLeaf)
        {
            return Cursor(node).ReadValue();
        }
        if (IsList(node, out var repeated))
        {
            var element = ListElement(node, repeated);
            return ReadRepeated<object?>(repeated, element == repeated ? () => ReadPresent(repeated) : () => ReadField(element));
        }
        if (IsMap(node, out var keyValue))
        {
            var key = keyValue.Children[0];
            var value = keyValue.Children.Count > 1 ? keyValue.Children[1] : null;
            var entries = ReadRepeated(keyValue, () => new KeyValuePair<object?, object?>(ReadField(key), value is null ? null : ReadField(value)));
            return entries;
        }
        var values = new object?[node.Children.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ReadField(node.Children[i]);
        }
        return new ParquetStruct(node.ChildNames, values);
    }

    private List<T> ReadRepeated<T>(SchemaNode repeated, Func<T> element)
    {
        var first = FirstLeaf(repeated);
        var list = new List<T>();
        if (first.PeekDefinition() < repeated.MaxDefinitionLevel)
        {
            Skip(repeated);
            return list;
        }
        do
        {
            list.Add(element());
        }
        while (!first.AtEnd && first.PeekRepetition() == repeated.MaxRepetitionLevel);
        return list;
    }

    private void Skip(SchemaNode node)
    {
        for (var i = node.FirstLeafIndex; i < node.FirstLeafIndex + node.LeafCount; i++)
        {
            _cursors[i]?.SkipEntry();
        }
    }

    private LeafCursor FirstLeaf(SchemaNode node) => _cursors[node.FirstLeafIndex]
        ?? throw new InvalidOperationException($"column '{node.DottedPath}' was not loaded");

    private LeafCursor Cursor(SchemaNode leaf) => _cursors[leaf.LeafIndex]
        ?? throw new InvalidOperationException($"column '{leaf.DottedPath}' was not loaded");

    private static bool IsList(SchemaNode node, out SchemaNode repeated)
    {
        repeated = null!;
        var annotated = node.LogicalType?.Kind == LogicalTypeKind.List || node.ConvertedType == ConvertedType.List;
        if (!annotated || node.Children.Count != 1 || node.Children[0].Repetition != FieldRepetition.Repeated)
        {
            return false;
        }
        repeated = node.Children[0];
        return true;
    }

    /// <summary>LogicalTypes.md "Backward-compatibility rules" for which node is the list element.</summary>
    private static SchemaNode ListElement(SchemaNode list, SchemaNode repeated)
    {
        if (repeated.IsLeaf || repeated.Children.Count > 1 || repeated.Name == "array" || repeated.Name == list.Name + "_tuple")
        {
            return repeated;
        }
        return repeated.Children[0];
    }

    private static bool IsMap(SchemaNode node, out SchemaNode keyValue)
    {
        keyValue = null!;
        var annotated = node.LogicalType?.Kind == LogicalTypeKind.Map || node.ConvertedType is ConvertedType.Map or ConvertedType.MapKeyValue;
        if (!annotated || node.Children.Count != 1)
        {
            return false;
        }
        var child = node.Children[0];
        if (child.Repetition != FieldRepetition.Repeated || child.IsLeaf || child.Children.Count is < 1 or > 2)
        {
            return false;
        }
        keyValue = child;
        return true;
    }
}
