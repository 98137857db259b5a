namespace LineageHub.Parquet.Meta;

/// <summary>Resolution of TIME and TIMESTAMP values.</summary>
public enum TimeUnit
{
    Millis,
    Micros,
    Nanos,
}
