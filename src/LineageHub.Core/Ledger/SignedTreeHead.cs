using System.Buffers;
using System.Globalization;
using LineageHub.Core.Canonical;
using LineageHub.Core.Hashing;

namespace LineageHub.Core.Ledger;

/// <summary>
/// A signed statement "the log had <see cref="Size"/> entries with root <see cref="Root"/> at <see cref="Time"/>".
/// The signature is ECDSA P-256 over SHA-256 of <see cref="SignedBytes"/>, DER-encoded, so
/// <c>openssl dgst -sha256 -verify key.pem -signature sig.der</c> checks it without our code.
/// </summary>
public sealed record SignedTreeHead(long Size, Digest Root, DateTimeOffset Time, byte[] Signature, string KeyId)
{
    /// <summary>The exact bytes signed: <c>{"root":"hex","size":N,"time":"…Z"}</c>.</summary>
    public byte[] SignedBytes => Encode(Size, Root, Time);

    public static byte[] Encode(long size, Digest root, DateTimeOffset time)
    {
        var output = new ArrayBufferWriter<byte>(128);
        CanonicalJson.Put(output, $"{{\"root\":\"{root}\",\"size\":{size.ToString(CultureInfo.InvariantCulture)},\"time\":\"{LedgerEntryCodec.FormatTime(time)}\"}}");
        return output.WrittenSpan.ToArray();
    }
}
