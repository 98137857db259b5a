using LineageHub.Parquet.Columns;

namespace LineageHub.Parquet.Rows;

/// <summary>Position within one leaf's decoded levels and values while rows are assembled. Mutable by design.</summary>
internal sealed class LeafCursor
{
    public LeafCursor(ColumnBatch batch)
    {
        Batch = batch;
        Converter = new LeafConverter(batch.Column);
        MaxDefinitionLevel = batch.Column.MaxDefinitionLevel;
        MaxRepetitionLevel = batch.Column.MaxRepetitionLevel;
    }

    public ColumnBatch Batch { get; }

    public LeafConverter Converter { get; }

    public int MaxDefinitionLevel { get; }

    public int MaxRepetitionLevel { get; }

    public int Level;
    public int Value;

    public bool AtEnd => Level >= Batch.LevelCount;

    public int PeekDefinition()
    {
        EnsureNotAtEnd();
        return MaxDefinitionLevel == 0 ? 0 : Batch.DefinitionLevelBuffer[Level];
    }

    public int PeekRepetition()
    {
        EnsureNotAtEnd();
        return MaxRepetitionLevel == 0 ? 0 : Batch.RepetitionLevelBuffer[Level];
    }

    /// <summary>Consumes one level entry that holds no value at this leaf (an ancestor is null or an empty list).</summary>
    public void SkipEntry()
    {
        // A skipped entry that nevertheless claims a value keeps values aligned with levels.
        if (PeekDefinition() == MaxDefinitionLevel)
        {
            Value++;
        }
        Level++;
    }

    public object? ReadValue()
    {
        var def = PeekDefinition();
        if (def != MaxDefinitionLevel)
        {
            throw new ParquetFormatException($"{ParquetErrors.Levels}: column '{Batch.Column.DottedPath}' has definition level {def} at entry {Level} where its parents say a value is present");
        }
        if (Value >= Batch.ValueCount)
        {
            throw new ParquetFormatException($"{ParquetErrors.Levels}: column '{Batch.Column.DottedPath}' needs value {Value} but holds {Batch.ValueCount}");
        }
        Level++;
        return Converter.Convert(Batch.Values, Value++);
    }

    private void EnsureNotAtEnd()
    {
        if (Level >= Batch.LevelCount)
        {
            throw new ParquetFormatException($"{ParquetErrors.Levels}: column '{Batch.Column.DottedPath}' ran out of level entries at {Level}");
        }
    }
}
