using System.Buffers.Binary;

namespace LineageHub.Parquet.Tests.Robustness;

/// <summary>Deterministic corruptions of a good file: truncation, bit flips, footer length lies, huge declared sizes.</summary>
public static class Mutator
{
    public static (byte[] Bytes, string Description) Mutate(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        var footerLength = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(original.AsSpan(original.Length - 8)), (uint)(original.Length - 12));
        var footerStart = original.Length - 8 - footerLength;
        switch (random.Next(6))
        {
            case 0:
            {
                var length = random.Next(original.Length);
                return (bytes[..length], $"truncated to {length} bytes");
            }
            case 1:
            {
                // Half of the flips land in the footer, where one bit changes the meaning of everything after it.
                var at = random.Next(2) == 0 ? footerStart + random.Next(footerLength) : random.Next(original.Length);
                var bit = random.Next(8);
                bytes[at] ^= (byte)(1 << bit);
                return (bytes, $"bit {bit} flipped at offset {at}");
            }
            case 2:
            {
                uint[] lies = [0, 1, (uint)original.Length, (uint)original.Length - 8, (uint)original.Length + 1, uint.MaxValue, int.MaxValue, (uint)random.Next()];
                var lie = lies[random.Next(lies.Length)];
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(original.Length - 8), lie);
                return (bytes, $"footer length set to {lie}");
            }
            case 3:
            {
                // A maximal varint (or 0x7FFFFFFF little-endian) where a size or count may be.
                var at = random.Next(2) == 0 ? footerStart + random.Next(footerLength) : random.Next(original.Length);
                byte[] huge = random.Next(2) == 0 ? [0xFE, 0xFF, 0xFF, 0xFF, 0x0F] : [0xFF, 0xFF, 0xFF, 0x7F];
                var n = Math.Min(huge.Length, bytes.Length - at);
                huge.AsSpan(0, n).CopyTo(bytes.AsSpan(at));
                return (bytes, $"huge value written at offset {at}");
            }
            case 4:
            {
                var count = 1 + random.Next(16);
                var at = random.Next(original.Length);
                for (var i = 0; i < count && at + i < bytes.Length; i++)
                {
                    bytes[at + i] = (byte)random.Next(256);
                }
                return (bytes, $"{count} random bytes at offset {at}");
            }
            default:
            {
                var at = footerStart + random.Next(footerLength);
                var length = 1 + random.Next(Math.Min(32, original.Length - 8 - at));
                bytes.AsSpan(at, length).Clear();
                return (bytes, $"{length} footer bytes zeroed at offset {at}");
            }
        }
    }
}
