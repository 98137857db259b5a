using LineageHub.Parquet.Columns;

namespace LineageHub.Parquet;

public sealed partial class ParquetReader
{
    /// <summary>
    /// Streams column batches row group by row group: for each row group, one decoded <see cref="ColumnBatch"/> per
    /// leaf under the named fields (all leaves when null), in leaf order. The batches are reused: each list and its
    /// contents are valid until the enumeration moves on, which keeps memory at one row group.
    /// </summary>
    public IEnumerable<IReadOnlyList<ColumnBatch>> ReadColumnBatches(IReadOnlyList<string>? columns = null)
    {
        var leaves = ResolveLeaves(columns);
        return Enumerate();

        IEnumerable<IReadOnlyList<ColumnBatch>> Enumerate()
        {
            var batches = new ColumnBatch[leaves.Count];
            for (var g = 0; g < RowGroupCount; g++)
            {
                for (var c = 0; c < leaves.Count; c++)
                {
                    batches[c] = ReadColumn(g, leaves[c], batches[c]);
                }
                yield return batches;
            }
        }
    }
}
