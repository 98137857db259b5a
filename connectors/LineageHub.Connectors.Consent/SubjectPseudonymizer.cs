using System.Security.Cryptography;
using LineageHub.Core.Subjects;

namespace LineageHub.Connectors.Consent;

/// <summary>Turns raw subject identifiers into keyed pseudonyms, HMAC-SHA-256(secret, UTF-8 of the identifier), before anything leaves the connector.</summary>
public sealed class SubjectPseudonymizer(SubjectSecret secret)
{
    // One keyed HMAC per thread, reset after each use: keying it again for every identifier costs more than the MAC.
    private readonly ThreadLocal<IncrementalHash> _mac = new(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret.Key));

    public SubjectPseudonym Pseudonymize(ReadOnlySpan<byte> utf8Identifier)
    {
        var mac = _mac.Value!;
        mac.AppendData(utf8Identifier);
        Span<byte> digest = stackalloc byte[SubjectPseudonym.Size];
        mac.GetHashAndReset(digest);
        return SubjectPseudonym.Read(digest);
    }

    public SubjectPseudonym Pseudonymize(string identifier) => Pseudonymize(System.Text.Encoding.UTF8.GetBytes(identifier));
}
