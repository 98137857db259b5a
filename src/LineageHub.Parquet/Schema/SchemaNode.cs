using LineageHub.Parquet.Meta;

namespace LineageHub.Parquet.Schema;

/// <summary>
/// One field of the schema tree. Levels follow the Dremel encoding (parquet-format README, "Nested Encoding"):
/// every optional or repeated ancestor (and the field itself) adds one definition level; every repeated one adds
/// one repetition level.
/// </summary>
public sealed class SchemaNode
{
    internal SchemaNode(SchemaElement element, SchemaNode? parent, IReadOnlyList<string> path, int maxDefinitionLevel, int maxRepetitionLevel)
    {
        Element = element;
        Parent = parent;
        Path = path;
        MaxDefinitionLevel = maxDefinitionLevel;
        MaxRepetitionLevel = maxRepetitionLevel;
    }

    private IReadOnlyList<SchemaNode> _children = [];

    public SchemaElement Element { get; }

    public string Name => Element.Name;

    public SchemaNode? Parent { get; }

    /// <summary>Names from the root's first child down to this node.</summary>
    public IReadOnlyList<string> Path { get; }

    public string DottedPath => string.Join('.', Path);

    public FieldRepetition Repetition => Element.Repetition ?? FieldRepetition.Required;

    public IReadOnlyList<SchemaNode> Children
    {
        get => _children;
        internal set
        {
            _children = value;
            ChildNames = value.Select(c => c.Name).ToArray();
        }
    }

    /// <summary>Child names, built once so every assembled group value shares one array.</summary>
    internal string[] ChildNames { get; private set; } = [];

    public bool IsLeaf => Element.Type is not null && Element.NumChildren is null or 0;

    public PhysicalType? PhysicalType => Element.Type;

    public LogicalType? LogicalType => Element.LogicalType;

    public ConvertedType? ConvertedType => Element.ConvertedType;

    public int MaxDefinitionLevel { get; }

    public int MaxRepetitionLevel { get; }

    /// <summary>For a leaf, its index among all leaf columns (the order of column chunks in a row group); else -1.</summary>
    public int LeafIndex { get; internal set; } = -1;

    /// <summary>Leaf indexes of every column under this node, in order.</summary>
    public int FirstLeafIndex { get; internal set; }

    public int LeafCount { get; internal set; }

    public override string ToString() => DottedPath;
}
