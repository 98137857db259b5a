using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace LineageHub.Core.Hashing;

/// <summary>
/// SHA-256 and HMAC-SHA-256 of short messages (table rows, Merkle nodes) at native speed.
/// <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> creates and frees an OpenSSL EVP context per
/// call, which costs about 700 ns for a 90-byte row — eight times the hash itself. The OS's libcrypto (the
/// same library the BCL uses on Linux) also exports the low-level SHA256_Init/Update/Final on a
/// caller-owned context; this class uses them when they load, and falls back to the BCL otherwise, so the
/// bytes are the same everywhere and only the speed differs.
/// </summary>
public static unsafe partial class SmallSha256
{
    private const string Library = "libcrypto.so.3";

    // SHA256_CTX is 112 bytes in OpenSSL 1.1 and 3.x; 128 leaves room and keeps the copy one cache line pair.
    private const int ContextSize = 128;

    private static readonly bool Native = Probe();

    /// <summary>True when the native path is in use (benchmarks print it).</summary>
    public static bool IsNative => Native;

    [LibraryImport(Library, EntryPoint = "SHA256_Init")]
    [SuppressGCTransition]
    private static partial int Init(byte* context);

    [LibraryImport(Library, EntryPoint = "SHA256_Update")]
    [SuppressGCTransition]
    private static partial int Update(byte* context, byte* data, nuint length);

    [LibraryImport(Library, EntryPoint = "SHA256_Final")]
    [SuppressGCTransition]
    private static partial int Final(byte* digest, byte* context);

    /// <summary>SHA-256(a ‖ b ‖ c) into <paramref name="destination"/> (32 bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c, Span<byte> destination)
    {
        Guard.That(destination.Length >= Digest.Size, "a SHA-256 destination has 32 bytes");
        if (!Native)
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            sha.AppendData(a);
            sha.AppendData(b);
            sha.AppendData(c);
            sha.GetHashAndReset(destination);
            return;
        }
        var context = stackalloc byte[ContextSize];
        var total = a.Length + b.Length + c.Length;
        if (total <= 256)
        {
            // One update of a joined copy: each native call costs about as much as hashing 64 bytes.
            Span<byte> joined = stackalloc byte[256];
            a.CopyTo(joined);
            b.CopyTo(joined[a.Length..]);
            c.CopyTo(joined[(a.Length + b.Length)..]);
            fixed (byte* pj = joined, d = destination)
            {
                Init(context);
                Update(context, pj, (nuint)total);
                Final(d, context);
            }
            return;
        }
        fixed (byte* pa = a, pb = b, pc = c, d = destination)
        {
            Init(context);
            Update(context, pa, (nuint)a.Length);
            Update(context, pb, (nuint)b.Length);
            Update(context, pc, (nuint)c.Length);
            Final(d, context);
        }
    }

    /// <summary>A keyed HMAC-SHA-256 (RFC 2104) whose padded-key states are computed once and copied per message.</summary>
    public static Hmac CreateHmac(ReadOnlySpan<byte> key) => new(key);

    private static bool Probe()
    {
        try
        {
            Span<byte> probe = stackalloc byte[Digest.Size];
            var context = stackalloc byte[ContextSize];
            fixed (byte* d = probe)
            {
                Init(context);
                Update(context, d, 0);
                Final(d, context);
            }
            return probe.SequenceEqual(SHA256.HashData([]));
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>HMAC-SHA-256 with a fixed key. Not thread-safe only in that it must not be disposed while in use; <see cref="Compute"/> itself is.</summary>
    public sealed class Hmac
    {
        private readonly byte[] _key;
        private readonly byte[] _inner = new byte[ContextSize];
        private readonly byte[] _outer = new byte[ContextSize];

        internal Hmac(ReadOnlySpan<byte> key)
        {
            // RFC 2104: a key longer than the block is hashed first; shorter keys are zero-padded.
            _key = key.Length > 64 ? SHA256.HashData(key) : key.ToArray();
            if (!Native)
            {
                return;
            }
            var inner = Padded(_key, 0x36);
            var outer = Padded(_key, 0x5c);
            fixed (byte* i = _inner, o = _outer, pi = inner, po = outer)
            {
                Init(i);
                Update(i, pi, 64);
                Init(o);
                Update(o, po, 64);
            }
        }

        private static byte[] Padded(byte[] key, byte value)
        {
            var pad = new byte[64];
            pad.AsSpan().Fill(value);
            for (var i = 0; i < key.Length; i++)
            {
                pad[i] ^= key[i];
            }
            return pad;
        }

        /// <summary>HMAC(key, message) into <paramref name="destination"/> (32 bytes).</summary>
        public void Compute(ReadOnlySpan<byte> message, Span<byte> destination)
        {
            Guard.That(destination.Length >= Digest.Size, "an HMAC-SHA-256 destination has 32 bytes");
            if (!Native)
            {
                HMACSHA256.HashData(_key, message, destination);
                return;
            }
            var context = stackalloc byte[ContextSize];
            Span<byte> innerHash = stackalloc byte[Digest.Size];
            fixed (byte* inner = _inner, outer = _outer, m = message, h = innerHash, d = destination)
            {
                Buffer.MemoryCopy(inner, context, ContextSize, ContextSize);
                Update(context, m, (nuint)message.Length);
                Final(h, context);
                Buffer.MemoryCopy(outer, context, ContextSize, ContextSize);
                Update(context, h, Digest.Size);
                Final(d, context);
            }
        }
    }
}
