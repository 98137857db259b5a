namespace LineageHub.Core.Snapshots;

/// <summary>The messages of the snapshot format and its proofs, in one place so tests assert on the same texts.</summary>
public static class SnapshotMessages
{
    public const string ProofFormat = "not a LineageHub row or chunk proof (unknown \"format\")";
    public const string ProofHex = "a proof hash is not 64 hex digits";
    public const string ProofSchema = "the proof's schema bytes are not a table schema";
    public const string ProofColumns = "the proof's columns do not match its schema's columns";
    public const string ProofValue = "a proof value has an unknown type tag or a null with text";
    public const string SchemaNotInRoot = "the schema is not leaf 0 of the tree with this root";
    public const string RowNotInRoot = "the row's path does not lead to this root";
    public const string ChunkNotInRoot = "the chunk's path does not lead to this root";
    public const string RootDiffers = "the proof's root is not the root given";

    public static string DuplicateColumn(string source, string name) => $"{source}: the column '{name}' appears twice";

    public static string NoKeyColumn(string source, string key, IEnumerable<string> columns) =>
        $"{source}: there is no key column '{key}' (columns: {string.Join(", ", columns)})";

    public static string SaltKeySize(int length) => $"a snapshot salt key has {SnapshotSaltKey.Size} bytes, got {length}";
}
