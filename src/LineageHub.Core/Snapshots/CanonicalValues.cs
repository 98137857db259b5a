namespace LineageHub.Core.Snapshots;

/// <summary>
/// Types a value from its text and writes the text's normal form (schema/snapshot.md, "Canonical values").
/// The rule is the same for every file format, which is what lets a CSV and a Parquet file with the same
/// logical rows give one root: a value's tag is decided by its text alone, in this order — the words
/// <c>true</c>/<c>false</c>; a number (JSON's grammar); a date; a timestamp; anything else is a string.
/// </summary>
public static partial class CanonicalValues
{
    /// <summary>Numbers whose exponent is larger than this stay strings rather than expanding to thousands of digits.</summary>
    public const int MaxExponent = 1000;

    /// <summary>Classifies <paramref name="text"/> (UTF-8) and appends its normal form to <paramref name="output"/>.</summary>
    public static ValueTag Classify(ReadOnlySpan<byte> text, ByteBuffer output)
    {
        if (text.SequenceEqual("true"u8) || text.SequenceEqual("false"u8))
        {
            output.Append(text);
            return ValueTag.Boolean;
        }
        if (text.Length > 0 && (text[0] == '-' || IsDigit(text[0])))
        {
            if (TryNumber(text, output))
            {
                return ValueTag.Number;
            }
            if (text.Length >= 10 && TryDateOrTimestamp(text, output, out var tag))
            {
                return tag;
            }
        }
        output.Append(text);
        return ValueTag.String;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
