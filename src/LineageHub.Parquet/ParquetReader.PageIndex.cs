using System.Buffers;
using LineageHub.Parquet.Meta;
using LineageHub.Parquet.Schema;

namespace LineageHub.Parquet;

public sealed partial class ParquetReader
{
    /// <summary>The page index's offset index of one column chunk (page locations and first rows), or null when the writer wrote none.</summary>
    public OffsetIndex? ReadOffsetIndex(int rowGroup, SchemaNode column)
    {
        var chunk = Chunk(rowGroup, column);
        return chunk.OffsetIndexOffset is { } offset && chunk.OffsetIndexLength is { } length
            ? ParseIndex(offset, length, column, rowGroup, "offset index", static bytes => MetadataParser.ReadOffsetIndex(bytes))
            : null;
    }

    /// <summary>The page index's per-page statistics of one column chunk, or null when the writer wrote none.</summary>
    public ColumnIndex? ReadColumnIndex(int rowGroup, SchemaNode column)
    {
        var chunk = Chunk(rowGroup, column);
        return chunk.ColumnIndexOffset is { } offset && chunk.ColumnIndexLength is { } length
            ? ParseIndex(offset, length, column, rowGroup, "column index", static bytes => MetadataParser.ReadColumnIndex(bytes))
            : null;
    }

    private ColumnChunk Chunk(int rowGroup, SchemaNode column)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentOutOfRangeException.ThrowIfNegative(rowGroup);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rowGroup, RowGroupCount);
        if (column.LeafIndex < 0 || column.LeafIndex >= Schema.Leaves.Count)
        {
            throw new ArgumentException($"'{column.DottedPath}' is not a leaf column", nameof(column));
        }
        return Metadata.RowGroups[rowGroup].Columns[column.LeafIndex];
    }

    private delegate T IndexParser<T>(ReadOnlySpan<byte> bytes);

    private T ParseIndex<T>(long offset, int length, SchemaNode column, int rowGroup, string what, IndexParser<T> parse)
    {
        if (offset < 4 || length <= 0 || offset > _footerStart || length > _footerStart - offset)
        {
            throw new ParquetFormatException($"{ParquetErrors.ColumnChunk}: {what} of column '{column.DottedPath}' in row group {rowGroup} spans offset {offset} + {length} bytes, outside the data region 4..{_footerStart}");
        }
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            ReadAt(offset, buffer.AsSpan(0, length));
            return parse(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
