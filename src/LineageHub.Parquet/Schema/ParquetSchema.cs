using LineageHub.Parquet.Meta;

namespace LineageHub.Parquet.Schema;

/// <summary>The schema tree rebuilt from the footer's depth-first element list, with levels and leaf columns.</summary>
public sealed class ParquetSchema
{
    /// <summary>Real schemas nest a few levels; a cap keeps recursion bounded on corrupt input.</summary>
    public const int MaxNesting = 100;

    private readonly List<SchemaNode> _leaves = [];

    public ParquetSchema(IReadOnlyList<SchemaElement> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        if (elements.Count == 0)
        {
            throw ParquetErrors.Format(ParquetErrors.Schema, "no schema elements");
        }
        var rootElement = elements[0];
        if (rootElement.Type is not null && rootElement.NumChildren is null)
        {
            throw ParquetErrors.Format(ParquetErrors.Schema, $"root element '{rootElement.Name}' is a primitive");
        }
        Root = new SchemaNode(rootElement, null, [], 0, 0);
        var next = 1;
        Root.Children = BuildChildren(elements, ref next, Root, rootElement.NumChildren ?? 0, 1);
        Root.LeafCount = _leaves.Count;
        if (next != elements.Count)
        {
            throw ParquetErrors.Format(ParquetErrors.Schema, $"{elements.Count - next} schema elements are not reachable from the root");
        }
    }

    public SchemaNode Root { get; }

    /// <summary>Leaf columns in column-chunk order.</summary>
    public IReadOnlyList<SchemaNode> Leaves => _leaves;

    /// <summary>Top-level fields.</summary>
    public IReadOnlyList<SchemaNode> Fields => Root.Children;

    /// <summary>Finds a top-level field or a nested node by dotted path; null when absent.</summary>
    public SchemaNode? Find(string dottedPath)
    {
        ArgumentNullException.ThrowIfNull(dottedPath);
        var node = Root;
        foreach (var part in dottedPath.Split('.'))
        {
            node = node.Children.FirstOrDefault(c => c.Name == part);
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }

    private List<SchemaNode> BuildChildren(IReadOnlyList<SchemaElement> elements, ref int next, SchemaNode parent, int count, int depth)
    {
        if (depth > MaxNesting)
        {
            throw ParquetErrors.Format(ParquetErrors.Schema, $"nested deeper than {MaxNesting} at '{parent.DottedPath}'");
        }
        if (count < 0 || count > elements.Count - next)
        {
            throw ParquetErrors.Format(ParquetErrors.Schema, $"'{(parent.Parent is null ? "<root>" : parent.DottedPath)}' declares {count} children but {elements.Count - next} elements remain");
        }
        var children = new List<SchemaNode>(count);
        for (var i = 0; i < count; i++)
        {
            var e = elements[next++];
            var rep = e.Repetition ?? FieldRepetition.Optional;
            if (e.Repetition is null)
            {
                throw ParquetErrors.Format(ParquetErrors.Schema, $"field '{e.Name}' has no repetition type");
            }
            var def = parent.MaxDefinitionLevel + (rep == FieldRepetition.Required ? 0 : 1);
            var repLevel = parent.MaxRepetitionLevel + (rep == FieldRepetition.Repeated ? 1 : 0);
            var path = new List<string>(parent.Path) { e.Name };
            var node = new SchemaNode(e, parent, path, def, repLevel) { FirstLeafIndex = _leaves.Count };
            if (e.NumChildren is > 0)
            {
                node.Children = BuildChildren(elements, ref next, node, e.NumChildren.Value, depth + 1);
            }
            else if (e.Type is null)
            {
                throw ParquetErrors.Format(ParquetErrors.Schema, $"field '{node.DottedPath}' has neither a type nor children");
            }
            else
            {
                if (e.Type == PhysicalType.FixedLenByteArray && e.TypeLength is not > 0)
                {
                    throw ParquetErrors.Format(ParquetErrors.Schema, $"FIXED_LEN_BYTE_ARRAY field '{node.DottedPath}' has type_length {e.TypeLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}");
                }
                node.LeafIndex = _leaves.Count;
                _leaves.Add(node);
            }
            node.LeafCount = _leaves.Count - node.FirstLeafIndex;
            children.Add(node);
        }
        return children;
    }
}
