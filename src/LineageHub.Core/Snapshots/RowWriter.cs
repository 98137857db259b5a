using System.Buffers.Binary;

namespace LineageHub.Core.Snapshots;

/// <summary>
/// Encodes one row at a time into its canonical bytes: for each column in sorted-name order, the value's
/// tag byte, its text's length as a big-endian u32, and the text (schema/snapshot.md). Readers set values
/// in file order; a column never set is null. Reused across rows; not thread-safe.
/// </summary>
public sealed class RowWriter
{
    private readonly TableSchema _schema;
    private readonly ByteBuffer _texts = new(1024);
    private readonly ByteBuffer _row = new(1024);
    private readonly ValueTag[] _tags;
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private int _keyStart;
    private int _keyLength;

    public RowWriter(TableSchema schema)
    {
        _schema = schema;
        _tags = new ValueTag[schema.SourceColumns.Count];
        _starts = new int[_tags.Length];
        _lengths = new int[_tags.Length];
    }

    public TableSchema Schema => _schema;

    /// <summary>The encoded row, valid until the next <see cref="BeginRow"/>.</summary>
    public ReadOnlySpan<byte> Row => _row.Span;

    /// <summary>The key value's encoding (tag, length, text), empty without a key.</summary>
    public ReadOnlySpan<byte> Key => _row.Span.Slice(_keyStart, _keyLength);

    /// <summary>The bytes of encoded texts so far in this row, checked by readers against <see cref="SnapshotFormat.MaxRowBytes"/>.</summary>
    public int PendingBytes => _texts.Length;

    public void BeginRow()
    {
        _texts.Clear();
        _tags.AsSpan().Fill(ValueTag.Null);
        _lengths.AsSpan().Clear();
    }

    public void SetNull(int column) => _tags[column] = ValueTag.Null;

    /// <summary>Sets a value from its text, typed by <see cref="CanonicalValues.Classify"/>.</summary>
    public void SetText(int column, ReadOnlySpan<byte> utf8)
    {
        var start = _texts.Length;
        _tags[column] = CanonicalValues.Classify(utf8, _texts);
        _starts[column] = start;
        _lengths[column] = _texts.Length - start;
    }

    /// <summary>Sets a value whose tag is known and whose text is already in normal form (JSON, binary hex).</summary>
    public void SetTyped(int column, ValueTag tag, ReadOnlySpan<byte> canonicalText)
    {
        var start = _texts.Length;
        _texts.Append(canonicalText);
        _tags[column] = tag;
        _starts[column] = start;
        _lengths[column] = canonicalText.Length;
    }

    /// <summary>Writes the row's bytes in canonical column order.</summary>
    public void EndRow()
    {
        _row.Clear();
        _keyStart = _keyLength = 0;
        var order = _schema.SortedToSource;
        var texts = _texts.Span;
        for (var p = 0; p < order.Count; p++)
        {
            var c = order[p];
            var start = _row.Length;
            var length = _tags[c] == ValueTag.Null ? 0 : _lengths[c];
            var span = _row.GetSpan(5 + length);
            span[0] = (byte)_tags[c];
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)length);
            if (length > 0)
            {
                texts.Slice(_starts[c], length).CopyTo(span[5..]);
            }
            _row.Advance(5 + length);
            if (c == _schema.KeySourceIndex)
            {
                _keyStart = start;
                _keyLength = 5 + length;
            }
        }
    }
}
