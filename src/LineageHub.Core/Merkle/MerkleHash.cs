using System.Security.Cryptography;
using LineageHub.Core.Hashing;

namespace LineageHub.Core.Merkle;

/// <summary>
/// The hashes of RFC 9162 §2.1.1: leaf = SHA-256(0x00 ‖ data), node = SHA-256(0x01 ‖ left ‖ right),
/// and the empty tree's hash SHA-256("").
/// </summary>
public static class MerkleHash
{
    public const int Size = 32;

    private static readonly byte[] EmptyRoot = SHA256.HashData([]);

    /// <summary>MTH({}) = SHA-256() — the root of a tree with no leaves.</summary>
    public static ReadOnlySpan<byte> Empty => EmptyRoot;

    public static byte[] Leaf(ReadOnlySpan<byte> data)
    {
        var hash = new byte[Size];
        Leaf(data, hash);
        return hash;
    }

    public static void Leaf(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        ReadOnlySpan<byte> prefix = [0x00];
        SmallSha256.Hash(prefix, data, default, destination);
    }

    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var hash = new byte[Size];
        Node(left, right, hash);
        return hash;
    }

    public static void Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        ReadOnlySpan<byte> prefix = [0x01];
        SmallSha256.Hash(prefix, left, right, destination);
    }

    /// <summary>The largest power of two strictly smaller than <paramref name="n"/> (n ≥ 2): RFC 9162's split point k.</summary>
    public static ulong SplitPoint(ulong n)
    {
        Guard.That(n >= 2, "a split needs at least two leaves");
        return 1UL << (63 - System.Numerics.BitOperations.LeadingZeroCount(n - 1));
    }
}
