namespace LineageHub.Parquet.Meta;

/// <summary>Members of the parquet.thrift <c>LogicalType</c> union; <see cref="Other"/> is a member this reader does not know.</summary>
public enum LogicalTypeKind
{
    String,
    Map,
    List,
    Enum,
    Decimal,
    Date,
    Time,
    Timestamp,
    Integer,
    Null,
    Json,
    Bson,
    Uuid,
    Float16,
    Variant,
    Geometry,
    Geography,
    Other,
}
