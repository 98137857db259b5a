namespace LineageHub.Core.Snapshots;

public static partial class CanonicalValues
{
    // JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? — no leading zeros, so "007"
    // stays a string and a change from "007" to "7" is seen. The normal form is the exact decimal: no
    // exponent, no leading or trailing zeros, no trailing point, and "0" for every zero (no "-0").
    private static bool TryNumber(ReadOnlySpan<byte> text, ByteBuffer output)
    {
        var i = 0;
        var negative = false;
        if (text[i] == '-')
        {
            negative = true;
            i++;
        }
        var intStart = i;
        if (i >= text.Length || !IsDigit(text[i]))
        {
            return false;
        }
        if (text[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }
        }
        var intDigits = text[intStart..i];
        ReadOnlySpan<byte> fracDigits = default;
        if (i < text.Length && text[i] == '.')
        {
            var fracStart = ++i;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }
            if (i == fracStart)
            {
                return false;
            }
            fracDigits = text[fracStart..i];
        }
        long exponent = 0;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            var expNegative = false;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                expNegative = text[i] == '-';
                i++;
            }
            var expStart = i;
            while (i < text.Length && IsDigit(text[i]))
            {
                if (exponent <= MaxExponent)
                {
                    exponent = (exponent * 10) + (text[i] - '0');
                }
                i++;
            }
            if (i == expStart || exponent > MaxExponent)
            {
                return false;
            }
            exponent = expNegative ? -exponent : exponent;
        }
        if (i != text.Length)
        {
            return false;
        }
        WriteDecimal(negative, intDigits, fracDigits, (int)exponent, output);
        return true;
    }

    private static void WriteDecimal(bool negative, ReadOnlySpan<byte> intDigits, ReadOnlySpan<byte> fracDigits, int exponent, ByteBuffer output)
    {
        // The value is 0.D × 10^point, D = intDigits ‖ fracDigits with leading and trailing zeros removed.
        Span<byte> small = stackalloc byte[128];
        var total = intDigits.Length + fracDigits.Length;
        var digits = total <= small.Length ? small[..total] : new byte[total];
        intDigits.CopyTo(digits);
        fracDigits.CopyTo(digits[intDigits.Length..]);
        var point = intDigits.Length + exponent;
        var lead = 0;
        while (lead < digits.Length && digits[lead] == '0')
        {
            lead++;
        }
        if (lead == digits.Length)
        {
            output.Append((byte)'0');
            return;
        }
        var end = digits.Length;
        while (digits[end - 1] == '0')
        {
            end--;
        }
        var d = digits[lead..end];
        point -= lead;
        if (negative)
        {
            output.Append((byte)'-');
        }
        if (point <= 0)
        {
            output.Append("0."u8);
            output.AppendRepeated((byte)'0', -point);
            output.Append(d);
        }
        else if (point >= d.Length)
        {
            output.Append(d);
            output.AppendRepeated((byte)'0', point - d.Length);
        }
        else
        {
            output.Append(d[..point]);
            output.Append((byte)'.');
            output.Append(d[point..]);
        }
    }
}
