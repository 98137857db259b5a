using System.Security.Cryptography;
using LineageHub.Core.Hashing;

namespace LineageHub.Core.Ledger;

/// <summary>
/// Signs tree heads with the deployment's ECDSA P-256 key, created on first start and kept as a
/// PKCS#8 PEM file in the data folder; its public half is what a regulator keeps.
/// </summary>
public sealed class TreeHeadSigner : IDisposable
{
    public const string KeyFileName = "ledger-signing-key.pem";

    private readonly ECDsa _key;

    private TreeHeadSigner(ECDsa key)
    {
        _key = key;
        PublicKeyPem = key.ExportSubjectPublicKeyInfoPem();
        KeyId = Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>The public key as PEM (SubjectPublicKeyInfo).</summary>
    public string PublicKeyPem { get; }

    /// <summary>SHA-256 of the DER SubjectPublicKeyInfo, in hex: names the key in every tree head.</summary>
    public string KeyId { get; }

    /// <summary>Loads the key from <paramref name="directory"/>, creating it (readable by the owner only) on first use.</summary>
    public static TreeHeadSigner OpenOrCreate(string directory)
    {
        var path = Path.Combine(directory, KeyFileName);
        var key = ECDsa.Create();
        if (File.Exists(path))
        {
            try
            {
                key.ImportFromPem(File.ReadAllText(path));
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                key.Dispose();
                throw LineageHubException.Corrupt($"the ledger signing key {path} cannot be read: {ex.Message}", ex);
            }
        }
        else
        {
            key.GenerateKey(ECCurve.NamedCurves.nistP256);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, key.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            File.Move(temporary, path);
        }
        return new TreeHeadSigner(key);
    }

    /// <summary>A signer with a fresh in-memory key, for tests and tools that never persist a head.</summary>
    public static TreeHeadSigner Ephemeral() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public SignedTreeHead Sign(long size, Digest root, DateTimeOffset time)
    {
        var signature = _key.SignData(SignedTreeHead.Encode(size, root, time), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new SignedTreeHead(size, root, time, signature, KeyId);
    }

    public bool Verify(SignedTreeHead head) => VerifyWith(PublicKeyPem, head);

    /// <summary>Checks a head's signature against a public key PEM, as an independent verifier would.</summary>
    public static bool VerifyWith(string publicKeyPem, SignedTreeHead head)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(publicKeyPem);
        return key.VerifyData(head.SignedBytes, head.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    public void Dispose() => _key.Dispose();
}
