using System.Buffers.Binary;
using System.Text;

namespace LineageHub.Core.Snapshots;

/// <summary>Reads canonical row bytes back into typed values: for diffs, samples and proofs.</summary>
public static class RowCodec
{
    /// <summary>The values of a row in canonical column order; null when the bytes are not a row of <paramref name="columns"/> columns.</summary>
    public static IReadOnlyList<CanonicalValue>? Decode(ReadOnlySpan<byte> row, int columns)
    {
        var values = new List<CanonicalValue>(columns);
        var at = 0;
        while (at < row.Length)
        {
            if (row.Length - at < 5)
            {
                return null;
            }
            var tag = (ValueTag)row[at];
            var length = BinaryPrimitives.ReadUInt32BigEndian(row[(at + 1)..]);
            if (!Enum.IsDefined(tag) || length > (uint)(row.Length - at - 5))
            {
                return null;
            }
            values.Add(new CanonicalValue(tag, Encoding.UTF8.GetString(row.Slice(at + 5, (int)length))));
            at += 5 + (int)length;
        }
        return values.Count == columns ? values : null;
    }

    /// <summary>Encodes values given in canonical order (what a proof verifier does with a proof's columns).</summary>
    public static byte[] Encode(IEnumerable<CanonicalValue> values)
    {
        var buffer = new ByteBuffer();
        foreach (var value in values)
        {
            var text = value.Tag == ValueTag.Null ? [] : Encoding.UTF8.GetBytes(value.Text);
            buffer.Append((byte)value.Tag);
            buffer.AppendUInt32BigEndian((uint)text.Length);
            buffer.Append(text);
        }
        return buffer.Span.ToArray();
    }

    /// <summary>Compares two key encodings: by tag byte, then numbers by value and everything else by UTF-8 bytes.</summary>
    public static int CompareKeys(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return a.Length.CompareTo(b.Length);
        }
        if (a[0] != b[0])
        {
            return a[0].CompareTo(b[0]);
        }
        var ta = a[5..];
        var tb = b[5..];
        return (ValueTag)a[0] == ValueTag.Number ? CompareNumbers(ta, tb) : ta.SequenceCompareTo(tb);
    }

    /// <summary>The key encoding of a value typed from its text, as a row's key column would hold it.</summary>
    public static byte[] KeyOf(string text)
    {
        var buffer = new ByteBuffer();
        var tag = CanonicalValues.Classify(Encoding.UTF8.GetBytes(text), buffer);
        return Encode([new CanonicalValue(tag, Encoding.UTF8.GetString(buffer.Span))]);
    }

    /// <summary>The key's text for people (the value without its tag), "null" for a null key.</summary>
    public static string KeyText(ReadOnlySpan<byte> key) =>
        key.Length < 5 ? "" : (ValueTag)key[0] == ValueTag.Null ? "null" : Encoding.UTF8.GetString(key[5..]);

    // Normal-form decimals: sign, then integer-part length, then digits.
    private static int CompareNumbers(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var negA = a.Length > 0 && a[0] == '-';
        var negB = b.Length > 0 && b[0] == '-';
        if (negA != negB)
        {
            return negA ? -1 : 1;
        }
        var magnitude = CompareMagnitude(negA ? a[1..] : a, negB ? b[1..] : b);
        return negA ? -magnitude : magnitude;
    }

    private static int CompareMagnitude(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var ia = a.IndexOf((byte)'.');
        var ib = b.IndexOf((byte)'.');
        var la = ia < 0 ? a.Length : ia;
        var lb = ib < 0 ? b.Length : ib;
        // "0.x" has an integer part of one digit that is smaller than any other one-digit part.
        if (la != lb)
        {
            return la.CompareTo(lb);
        }
        return a.SequenceCompareTo(b);
    }
}
