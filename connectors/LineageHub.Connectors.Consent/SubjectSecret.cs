using System.Text;
using LineageHub.Core;

namespace LineageHub.Connectors.Consent;

/// <summary>
/// The deployment's pseudonymisation secret (ARCHITECTURE.md, "Pseudonymous subjects"): from
/// <c>$LINEAGEHUB_SUBJECT_SECRET</c>, else from the file the configuration names (<c>--subject-secret-file</c>
/// or <c>$LINEAGEHUB_SUBJECT_SECRET_FILE</c>). There is no default: a made-up secret would give pseudonyms
/// no other connector of the deployment could match.
/// </summary>
public sealed class SubjectSecret
{
    public const string Variable = "LINEAGEHUB_SUBJECT_SECRET";
    public const string FileVariable = "LINEAGEHUB_SUBJECT_SECRET_FILE";

    /// <summary>Fewer bytes than this would make pseudonyms guessable by trying identifiers.</summary>
    public const int MinBytes = 16;

    private SubjectSecret(byte[] key) => Key = key;

    internal byte[] Key { get; }

    public static SubjectSecret FromBytes(ReadOnlySpan<byte> key) =>
        key.Length >= MinBytes ? new SubjectSecret(key.ToArray()) : throw LineageHubException.InvalidInput(ConsentConnectorMessages.SecretTooShort(key.Length));

    /// <summary>The secret from the environment, else from <paramref name="file"/>, else the file variable; a clear error when none is set.</summary>
    public static SubjectSecret Load(string? file)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } text)
        {
            return FromBytes(Encoding.UTF8.GetBytes(text));
        }
        var path = file ?? Environment.GetEnvironmentVariable(FileVariable);
        if (string.IsNullOrEmpty(path))
        {
            throw LineageHubException.InvalidInput(ConsentConnectorMessages.NoSecret);
        }
        if (!File.Exists(path))
        {
            throw LineageHubException.NotFound(ConsentConnectorMessages.NoSecretFile(path));
        }
        // A trailing newline is how editors save files, not part of the secret.
        return FromBytes(Encoding.UTF8.GetBytes(File.ReadAllText(path).TrimEnd('\r', '\n')));
    }
}
