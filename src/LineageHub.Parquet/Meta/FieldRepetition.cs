namespace LineageHub.Parquet.Meta;

/// <summary>How often a field occurs in its parent (parquet.thrift <c>FieldRepetitionType</c>).</summary>
public enum FieldRepetition
{
    Required = 0,
    Optional = 1,
    Repeated = 2,
}
