namespace LineageHub.Parquet.Rows;

/// <summary>How a leaf's physical values become .NET values, decided once per column from its annotations.</summary>
internal enum LeafKind
{
    Boolean,
    Int32,
    Int64,
    UInt32,
    UInt64,
    Float,
    Double,
    Int96Timestamp,
    Bytes,
    String,
    Uuid,
    Float16,
    Decimal,
    Date,
    Time,
    Timestamp,
    Null,
}
