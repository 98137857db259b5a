using System.Runtime.CompilerServices;
using LineageHub.Parquet.Meta;

namespace LineageHub.Parquet.Columns;

/// <summary>
/// Dense storage of decoded non-null values of one physical type: one typed array, or bytes plus offsets for
/// BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY and INT96. Arrays grow by doubling and are kept across reuse, so decoding
/// row group after row group into the same store allocates nothing once warm.
/// </summary>
internal sealed class ValueStore
{
    public ValueStore(PhysicalType type, int fixedWidth)
    {
        Type = type;
        FixedWidth = type switch
        {
            PhysicalType.Int96 => 12,
            PhysicalType.FixedLenByteArray => fixedWidth,
            _ => 0,
        };
    }

    public PhysicalType Type { get; }

    /// <summary>Bytes per value for FIXED_LEN_BYTE_ARRAY and INT96; 0 otherwise.</summary>
    public int FixedWidth { get; }

    public int Count;
    public bool[] Bools = [];
    public int[] Ints = [];
    public long[] Longs = [];
    public float[] Floats = [];
    public double[] Doubles = [];

    /// <summary>Concatenated bytes of BYTE_ARRAY / FIXED / INT96 values.</summary>
    public byte[] Bytes = [];
    public int ByteCount;

    /// <summary>For BYTE_ARRAY: value i spans Offsets[i]..Offsets[i+1]; Offsets[0] is 0.</summary>
    public int[] Offsets = [0];

    /// <summary>
    /// Most value bytes one column chunk may decode to. Counts from a corrupt page can multiply into any size;
    /// this cap turns that into an error instead of an allocation.
    /// </summary>
    public const long MaxBytes = 1L << 30;

    public bool IsByteArray => Type == PhysicalType.ByteArray;

    /// <summary>Grows <see cref="Bytes"/> to hold <paramref name="needed"/> bytes, within <see cref="MaxBytes"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EnsureBytes(long needed)
    {
        if (needed > Bytes.Length)
        {
            if (needed > MaxBytes)
            {
                throw new ParquetFormatException($"{ParquetErrors.Value}: the column chunk would decode to {needed} bytes of values, more than the limit of {MaxBytes}");
            }
            Ensure(ref Bytes, (int)needed);
        }
    }

    public void Clear()
    {
        Count = 0;
        ByteCount = 0;
    }

    public ReadOnlySpan<byte> GetBytes(int index)
    {
        if (FixedWidth > 0)
        {
            return Bytes.AsSpan(index * FixedWidth, FixedWidth);
        }
        var start = Offsets[index];
        return Bytes.AsSpan(start, Offsets[index + 1] - start);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Ensure<T>(ref T[] array, int needed)
    {
        if (array.Length < needed)
        {
            Grow(ref array, needed);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Grow<T>(ref T[] array, int needed)
    {
        var size = Math.Max(needed, Math.Max(16, (int)Math.Min(Array.MaxLength, array.Length * 2L)));
        Array.Resize(ref array, size);
    }

    /// <summary>Makes room for <paramref name="count"/> more values (and <paramref name="bytes"/> more bytes).</summary>
    public void Reserve(int count, int bytes = 0)
    {
        var needed = checked(Count + count);
        switch (Type)
        {
            case PhysicalType.Boolean:
                Ensure(ref Bools, needed);
                break;
            case PhysicalType.Int32:
                Ensure(ref Ints, needed);
                break;
            case PhysicalType.Int64:
                Ensure(ref Longs, needed);
                break;
            case PhysicalType.Float:
                Ensure(ref Floats, needed);
                break;
            case PhysicalType.Double:
                Ensure(ref Doubles, needed);
                break;
            case PhysicalType.ByteArray:
                Ensure(ref Offsets, needed + 1);
                EnsureBytes((long)ByteCount + bytes);
                break;
            default:
                EnsureBytes((long)needed * FixedWidth);
                break;
        }
    }

    /// <summary>Appends one BYTE_ARRAY value; the caller has reserved the count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AppendBytes(ReadOnlySpan<byte> value)
    {
        EnsureBytes((long)ByteCount + value.Length);
        value.CopyTo(Bytes.AsSpan(ByteCount));
        ByteCount += value.Length;
        Offsets[++Count] = ByteCount;
    }
}
