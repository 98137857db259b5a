namespace LineageHub.Connectors.Datasets.Tables;

/// <summary>A table file read row by row into a <see cref="Core.Snapshots.RowWriter"/>.</summary>
internal interface IRowSource : IDisposable
{
    /// <summary>The columns, in the file's order.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>The format's name, as stored in the snapshot metadata.</summary>
    string Format { get; }

    /// <summary>Where the row last read starts, as a number <see cref="Describe"/> turns into words ("line 7", "row 12") only when a message needs it.</summary>
    long PositionToken { get; }

    string Describe(long token);

    /// <summary>Bytes of the file consumed so far, for progress.</summary>
    long BytesRead { get; }

    /// <summary>Reads the next row into the writer (BeginRow, values, EndRow); false at the end.</summary>
    bool Next(Core.Snapshots.RowWriter writer);
}
