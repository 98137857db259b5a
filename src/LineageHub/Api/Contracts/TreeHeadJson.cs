using LineageHub.Core.Ledger;

namespace LineageHub.Api.Contracts;

/// <summary>A signed tree head as JSON; <see cref="PublicKey"/> is the PEM that checks <see cref="Signature"/> (base64 DER).</summary>
public sealed record TreeHeadJson(long Size, string Root, string Time, string Signature, string KeyId, string PublicKey, string SignedBytes)
{
    public static TreeHeadJson From(SignedTreeHead head, string publicKeyPem) => new(
        head.Size, head.Root.ToString(), LedgerEntryCodec.FormatTime(head.Time), Convert.ToBase64String(head.Signature),
        head.KeyId, publicKeyPem, System.Text.Encoding.UTF8.GetString(head.SignedBytes));
}
