using LineageHub.Parquet.Meta;
using LineageHub.Parquet.Schema;

namespace LineageHub.Parquet.Columns;

/// <summary>
/// One leaf column of one row group, decoded: repetition and definition levels (one entry per value slot,
/// nulls included) and the dense non-null values. Pass a batch back to the reader to reuse its buffers.
/// </summary>
public sealed class ColumnBatch
{
    private int[] _definitionLevels = [];
    private int[] _repetitionLevels = [];

    public ColumnBatch(SchemaNode column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (!column.IsLeaf || column.PhysicalType is null)
        {
            throw new ArgumentException($"'{column.DottedPath}' is not a leaf column", nameof(column));
        }
        Column = column;
        Values = new ValueStore(column.PhysicalType.Value, column.Element.TypeLength ?? 0);
    }

    public SchemaNode Column { get; }

    public PhysicalType PhysicalType => Values.Type;

    /// <summary>Number of level entries: rows for a flat column, value slots (including nulls and empty lists) when nested.</summary>
    public int LevelCount { get; internal set; }

    /// <summary>Number of non-null values stored.</summary>
    public int ValueCount => Values.Count;

    /// <summary>Rows covered (level entries that start a new record).</summary>
    public long RowCount { get; internal set; }

    internal ValueStore Values { get; }

    /// <summary>Definition levels, or empty when the column's max definition level is 0 (every slot holds a value).</summary>
    public ReadOnlySpan<int> DefinitionLevels => Column.MaxDefinitionLevel == 0 ? default : _definitionLevels.AsSpan(0, LevelCount);

    /// <summary>Repetition levels, or empty when the column is not repeated.</summary>
    public ReadOnlySpan<int> RepetitionLevels => Column.MaxRepetitionLevel == 0 ? default : _repetitionLevels.AsSpan(0, LevelCount);

    public ReadOnlySpan<bool> BooleanValues => Values.Bools.AsSpan(0, Values.Count);

    public ReadOnlySpan<int> Int32Values => Values.Ints.AsSpan(0, Values.Count);

    public ReadOnlySpan<long> Int64Values => Values.Longs.AsSpan(0, Values.Count);

    public ReadOnlySpan<float> FloatValues => Values.Floats.AsSpan(0, Values.Count);

    public ReadOnlySpan<double> DoubleValues => Values.Doubles.AsSpan(0, Values.Count);

    /// <summary>The bytes of value <paramref name="index"/> for BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY and INT96 columns.</summary>
    public ReadOnlySpan<byte> GetBytes(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Values.Count);
        return Values.GetBytes(index);
    }

    internal ref int[] DefinitionLevelBuffer => ref _definitionLevels;

    internal ref int[] RepetitionLevelBuffer => ref _repetitionLevels;

    internal void Clear()
    {
        LevelCount = 0;
        RowCount = 0;
        Values.Clear();
    }
}
