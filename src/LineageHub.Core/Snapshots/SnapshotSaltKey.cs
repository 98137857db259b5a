using System.Security.Cryptography;
using LineageHub.Core.Hashing;

namespace LineageHub.Core.Snapshots;

/// <summary>
/// The secret that salts table-mode row leaves: salt = HMAC-SHA-256(key, row or key value). It stays where
/// the data lives; a proof discloses only the proven row's salt, so a proof's sibling hashes cannot be
/// matched against guessed rows. The same key gives the same roots, so one deployment keeps one key.
/// </summary>
public sealed class SnapshotSaltKey
{
    public const int Size = 32;

    private readonly byte[] _key;

    private SnapshotSaltKey(byte[] key)
    {
        _key = key;
        Hmac = SmallSha256.CreateHmac(key);
        Span<byte> id = stackalloc byte[Digest.Size];
        Hmac.Compute("lineagehub snapshot salt key id"u8, id);
        Id = Digest.FromBytes(id);
    }

    /// <summary>HMAC-SHA-256(key, "lineagehub snapshot salt key id"): names the key in metadata without revealing it.</summary>
    public Digest Id { get; }

    internal SmallSha256.Hmac Hmac { get; }

    public static SnapshotSaltKey Generate() => new(RandomNumberGenerator.GetBytes(Size));

    public static SnapshotSaltKey FromBytes(ReadOnlySpan<byte> key)
    {
        if (key.Length != Size)
        {
            throw LineageHubException.InvalidInput(SnapshotMessages.SaltKeySize(key.Length));
        }
        return new SnapshotSaltKey(key.ToArray());
    }

    /// <summary>The key as lower-case hex, the form its file holds.</summary>
    public string ToHex() => Convert.ToHexStringLower(_key);
}
