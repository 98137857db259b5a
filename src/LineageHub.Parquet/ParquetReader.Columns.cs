using System.Buffers;
using LineageHub.Parquet.Columns;
using LineageHub.Parquet.Meta;
using LineageHub.Parquet.Schema;

namespace LineageHub.Parquet;

public sealed partial class ParquetReader
{
    private ColumnChunkReader? _chunkReader;

    /// <summary>
    /// Decodes one leaf column of one row group. Only that chunk's bytes are read from the file.
    /// Pass a batch from an earlier call for the same column to reuse its buffers.
    /// </summary>
    public ColumnBatch ReadColumn(int rowGroup, SchemaNode column, ColumnBatch? reuse = null)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentOutOfRangeException.ThrowIfNegative(rowGroup);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rowGroup, RowGroupCount);
        if (column.LeafIndex < 0 || column.LeafIndex >= Schema.Leaves.Count || !ReferenceEquals(Schema.Leaves[column.LeafIndex], column))
        {
            throw new ArgumentException($"'{column.DottedPath}' is not a leaf column of this file's schema", nameof(column));
        }
        var batch = reuse is not null && ReferenceEquals(reuse.Column, column) ? reuse : new ColumnBatch(column);
        var group = Metadata.RowGroups[rowGroup];
        var chunk = group.Columns[column.LeafIndex];
        var meta = CheckChunk(chunk, column, rowGroup, out var start, out var length);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            ReadAt(start, buffer.AsSpan(0, length));
            _chunkReader ??= new ColumnChunkReader(Options);
            _chunkReader.Read(buffer.AsSpan(0, length), start, meta, group, rowGroup, batch);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return batch;
    }

    /// <summary>Decodes the given leaf columns (all when null) of one row group.</summary>
    public IReadOnlyList<ColumnBatch> ReadRowGroup(int rowGroup, IReadOnlyList<SchemaNode>? leaves = null, IReadOnlyList<ColumnBatch>? reuse = null)
    {
        leaves ??= Schema.Leaves;
        var result = new ColumnBatch[leaves.Count];
        for (var i = 0; i < leaves.Count; i++)
        {
            result[i] = ReadColumn(rowGroup, leaves[i], reuse is not null && i < reuse.Count ? reuse[i] : null);
        }
        return result;
    }

    /// <summary>The leaf columns under the named top-level fields or dotted paths (every leaf when null).</summary>
    public IReadOnlyList<SchemaNode> ResolveLeaves(IReadOnlyList<string>? columns)
    {
        if (columns is null)
        {
            return Schema.Leaves;
        }
        var leaves = new List<SchemaNode>();
        foreach (var name in columns)
        {
            var node = Schema.Find(name) ?? throw new ParquetFormatException($"{ParquetErrors.UnknownColumn}: '{name}' (columns: {string.Join(", ", Schema.Fields.Select(f => f.Name))})");
            for (var i = node.FirstLeafIndex; i < node.FirstLeafIndex + node.LeafCount; i++)
            {
                if (!leaves.Contains(Schema.Leaves[i]))
                {
                    leaves.Add(Schema.Leaves[i]);
                }
            }
        }
        return leaves;
    }

    private ColumnMetaData CheckChunk(ColumnChunk chunk, SchemaNode column, int rowGroup, out long start, out int length)
    {
        var where = $"column '{column.DottedPath}' in row group {rowGroup}";
        if (chunk.IsEncrypted)
        {
            throw new ParquetUnsupportedException($"{ParquetErrors.Encrypted}: {where} is encrypted");
        }
        if (chunk.FilePath is not null)
        {
            throw new ParquetUnsupportedException($"{ParquetErrors.ColumnChunk}: {where} lives in another file '{chunk.FilePath}'");
        }
        var meta = chunk.MetaData ?? throw new ParquetFormatException($"{ParquetErrors.ColumnChunk}: {where} has no metadata");
        if (meta.Type != column.PhysicalType)
        {
            throw new ParquetFormatException($"{ParquetErrors.ColumnChunk}: {where} stores {meta.Type}, the schema says {column.PhysicalType}");
        }
        // Some writers leave one of the two offsets zero; the chunk starts at the smaller real one.
        start = meta.DataPageOffset;
        if (meta.DictionaryPageOffset is >= 4 and var dictionary && (dictionary < start || start < 4))
        {
            start = dictionary;
        }
        var size = meta.TotalCompressedSize;
        if (start < 4 || size < 0 || start > _footerStart || size > _footerStart - start || size > Array.MaxLength)
        {
            throw new ParquetFormatException($"{ParquetErrors.ColumnChunk}: {where} spans offset {start} + {size} bytes, outside the data region 4..{_footerStart}");
        }
        length = (int)size;
        return meta;
    }
}
