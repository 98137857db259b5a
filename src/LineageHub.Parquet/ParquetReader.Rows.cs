using LineageHub.Parquet.Columns;
using LineageHub.Parquet.Rows;
using LineageHub.Parquet.Schema;
using LineageHub.Parquet.Values;

namespace LineageHub.Parquet;

public sealed partial class ParquetReader
{
    /// <summary>
    /// Streams rows, one row group decoded at a time. <paramref name="columns"/> names top-level fields (or dotted
    /// paths to nested fields outside any list); only their column chunks are read. Null reads every field.
    /// </summary>
    public IEnumerable<ParquetStruct> ReadRows(IReadOnlyList<string>? columns = null)
    {
        var fields = ResolveFields(columns);
        var leaves = new List<SchemaNode>();
        foreach (var f in fields)
        {
            for (var i = f.FirstLeafIndex; i < f.FirstLeafIndex + f.LeafCount; i++)
            {
                if (!leaves.Contains(Schema.Leaves[i]))
                {
                    leaves.Add(Schema.Leaves[i]);
                }
            }
        }
        if (leaves.Count == 0)
        {
            // Without a column there is nothing to check the row count against, and it may be any number.
            throw columns is null
                ? new ParquetFormatException($"{ParquetErrors.Schema}: the schema has no columns")
                : new ArgumentException("the projection names no columns", nameof(columns));
        }
        return ReadRowsCore(fields, leaves);
    }

    /// <summary>The nodes a row projection names, in order (every top-level field when null).</summary>
    public IReadOnlyList<SchemaNode> ResolveFields(IReadOnlyList<string>? columns)
    {
        if (columns is null)
        {
            return Schema.Fields;
        }
        var fields = new List<SchemaNode>();
        foreach (var name in columns)
        {
            var node = Schema.Find(name) ?? throw new ParquetFormatException($"{ParquetErrors.UnknownColumn}: '{name}' (columns: {string.Join(", ", Schema.Fields.Select(f => f.Name))})");
            if (node.Parent is { } parent && parent.MaxRepetitionLevel > 0)
            {
                throw new ParquetFormatException($"{ParquetErrors.UnknownColumn}: '{name}' lies inside a repeated field; project its top-level field instead");
            }
            fields.Add(node);
        }
        return fields;
    }

    private IEnumerable<ParquetStruct> ReadRowsCore(IReadOnlyList<SchemaNode> fields, List<SchemaNode> leaves)
    {
        var batches = new ColumnBatch?[Schema.Leaves.Count];
        for (var g = 0; g < RowGroupCount; g++)
        {
            var cursors = new LeafCursor?[Schema.Leaves.Count];
            foreach (var leaf in leaves)
            {
                batches[leaf.LeafIndex] = ReadColumn(g, leaf, batches[leaf.LeafIndex]);
                cursors[leaf.LeafIndex] = new LeafCursor(batches[leaf.LeafIndex]!);
            }
            var assembler = new RowAssembler(fields, cursors);
            var rows = Metadata.RowGroups[g].NumRows;
            for (long r = 0; r < rows; r++)
            {
                yield return assembler.ReadRow();
            }
            if (fields.Count > 0)
            {
                assembler.CheckConsumed();
            }
        }
    }
}
