using System.Security.Cryptography;
using LineageHub.Core.Subjects;

namespace LineageHub.Connectors.Consent;

/// <summary>Turns raw subject identifiers into keyed pseudonyms, HMAC-SHA-256(secret, UTF-8 of the identifier), before anything leaves the connector.</summary>
public sealed class SubjectPseudonymizer(SubjectSecret secret)
{
    public SubjectPseudonym Pseudonymize(ReadOnlySpan<byte> utf8Identifier)
    {
        Span<byte> mac = stackalloc byte[SubjectPseudonym.Size];
        HMACSHA256.HashData(secret.Key, utf8Identifier, mac);
        return SubjectPseudonym.Read(mac);
    }

    public SubjectPseudonym Pseudonymize(string identifier) => Pseudonymize(System.Text.Encoding.UTF8.GetBytes(identifier));
}
