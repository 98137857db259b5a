namespace LineageHub.Parquet.Values;

/// <summary>
/// A row or a nested group: field names with their values. Values are null, a primitive (<see cref="bool"/>,
/// <see cref="int"/>, <see cref="long"/>, <see cref="ulong"/>, <see cref="float"/>, <see cref="double"/>,
/// <see cref="Half"/>, <see cref="string"/>, <see cref="T:byte[]"/>, <see cref="Guid"/>, <see cref="ParquetDecimal"/>,
/// <see cref="ParquetDate"/>, <see cref="ParquetTime"/>, <see cref="ParquetTimestamp"/>), a nested
/// <see cref="ParquetStruct"/>, a list (<see cref="IReadOnlyList{T}"/> of object) or a map
/// (<see cref="IReadOnlyList{T}"/> of <see cref="KeyValuePair{TKey, TValue}"/>).
/// </summary>
public sealed class ParquetStruct
{
    public ParquetStruct(IReadOnlyList<string> names, object?[] values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        Names = names;
        Values = values;
    }

    public IReadOnlyList<string> Names { get; }

    public IReadOnlyList<object?> Values { get; }

    public int Count => Values.Count;

    /// <summary>The value of the named field.</summary>
    public object? this[string name]
    {
        get
        {
            for (var i = 0; i < Names.Count; i++)
            {
                if (Names[i] == name)
                {
                    return Values[i];
                }
            }
            throw new KeyNotFoundException($"no field '{name}'");
        }
    }
}
