using System.Buffers.Binary;
using System.Text;
using LineageHub.Core.Hashing;

namespace LineageHub.Core.Snapshots;

/// <summary>
/// The columns of a table snapshot, bound by name: rows are encoded with their columns sorted by the
/// names' UTF-8 bytes, so column order in the file does not matter. The schema bytes (leaf 0 of the
/// snapshot tree) are <c>"LHT1" ‖ u32(count) ‖ (u32(len) ‖ name)… ‖ u32(len) ‖ key</c>, all big-endian.
/// </summary>
public sealed class TableSchema
{
    private readonly byte[][] _sortedNames;

    /// <summary>Builds the schema; duplicate column names or a key that is not a column are bad input.</summary>
    public TableSchema(IReadOnlyList<string> sourceColumns, string? key, string source)
    {
        SourceColumns = sourceColumns;
        Key = key;
        var names = sourceColumns.Select((name, index) => (Bytes: Encoding.UTF8.GetBytes(name), Index: index)).ToArray();
        Array.Sort(names, (a, b) => a.Bytes.AsSpan().SequenceCompareTo(b.Bytes));
        for (var i = 1; i < names.Length; i++)
        {
            if (names[i].Bytes.AsSpan().SequenceEqual(names[i - 1].Bytes))
            {
                throw LineageHubException.InvalidInput(SnapshotMessages.DuplicateColumn(source, sourceColumns[names[i].Index]));
            }
        }
        _sortedNames = [.. names.Select(n => n.Bytes)];
        SortedToSource = [.. names.Select(n => n.Index)];
        SortedNames = [.. names.Select(n => sourceColumns[n.Index])];
        KeySourceIndex = -1;
        if (key is not null)
        {
            KeySourceIndex = sourceColumns.ToList().IndexOf(key);
            if (KeySourceIndex < 0)
            {
                throw LineageHubException.InvalidInput(SnapshotMessages.NoKeyColumn(source, key, sourceColumns));
            }
        }
        Bytes = Encode();
        Fingerprint = Digest.Of(Bytes);
    }

    /// <summary>The columns in the file's order.</summary>
    public IReadOnlyList<string> SourceColumns { get; }

    /// <summary>The columns in canonical (sorted) order: the order of values in every row's bytes.</summary>
    public IReadOnlyList<string> SortedNames { get; }

    /// <summary>For each canonical position, the column's index in the file.</summary>
    public IReadOnlyList<int> SortedToSource { get; }

    /// <summary>The key column, or null when rows keep file order.</summary>
    public string? Key { get; }

    /// <summary>The key's index in the file's columns, −1 without a key.</summary>
    public int KeySourceIndex { get; }

    /// <summary>The schema bytes hashed as leaf 0 of the snapshot tree.</summary>
    public byte[] Bytes { get; }

    /// <summary>SHA-256 of <see cref="Bytes"/>: the schema fingerprint printed and stored.</summary>
    public Digest Fingerprint { get; }

    /// <summary>Parses schema bytes (from a proof); null when they are not well-formed.</summary>
    public static (string[] Columns, string? Key)? Decode(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.StartsWith(SnapshotFormat.TableMagic))
        {
            return null;
        }
        var at = 4;
        if (!ReadCount(bytes, ref at, out var count) || count > bytes.Length)
        {
            return null;
        }
        var columns = new string[count];
        for (var i = 0; i < count; i++)
        {
            if (!ReadText(bytes, ref at, out columns[i]))
            {
                return null;
            }
        }
        if (!ReadText(bytes, ref at, out var key) || at != bytes.Length)
        {
            return null;
        }
        return (columns, key.Length == 0 ? null : key);
    }

    private byte[] Encode()
    {
        var buffer = new ByteBuffer();
        buffer.Append(SnapshotFormat.TableMagic);
        buffer.AppendUInt32BigEndian((uint)_sortedNames.Length);
        foreach (var name in _sortedNames)
        {
            buffer.AppendUInt32BigEndian((uint)name.Length);
            buffer.Append(name);
        }
        var key = Key is null ? [] : Encoding.UTF8.GetBytes(Key);
        buffer.AppendUInt32BigEndian((uint)key.Length);
        buffer.Append(key);
        return buffer.Span.ToArray();
    }

    private static bool ReadCount(ReadOnlySpan<byte> bytes, ref int at, out int count)
    {
        count = 0;
        if (at + 4 > bytes.Length)
        {
            return false;
        }
        var value = BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]);
        at += 4;
        if (value > int.MaxValue)
        {
            return false;
        }
        count = (int)value;
        return true;
    }

    private static bool ReadText(ReadOnlySpan<byte> bytes, ref int at, out string text)
    {
        text = "";
        if (!ReadCount(bytes, ref at, out var length) || length > bytes.Length - at)
        {
            return false;
        }
        text = Encoding.UTF8.GetString(bytes.Slice(at, length));
        at += length;
        return true;
    }
}
