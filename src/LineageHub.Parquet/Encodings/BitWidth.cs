using System.Numerics;

namespace LineageHub.Parquet.Encodings;

internal static class BitWidth
{
    /// <summary>Bits needed for values 0..max (levels are stored in this many bits).</summary>
    public static int For(int max) => max <= 0 ? 0 : 32 - BitOperations.LeadingZeroCount((uint)max);
}
