namespace LineageHub.GraphQL.Language;

internal sealed partial class Lexer
{
    // Spec 2.9.4 String Value: quoted strings with escapes.
    private void ReadString(int start, int column)
    {
        var s = _source;
        var p = start + 1;
        var chunkStart = p;
        System.Text.StringBuilder? sb = null;
        while (p < s.Length)
        {
            var c = s[p];
            if (c == '"')
            {
                string value;
                if (sb is null)
                {
                    value = s[chunkStart..p];
                }
                else
                {
                    sb.Append(s, chunkStart, p - chunkStart);
                    value = sb.ToString();
                }
                _position = p + 1;
                SetString(TokenKind.String, start, p + 1, _line, column, value);
                return;
            }
            if (c == '\n' || c == '\r')
            {
                break;
            }
            if (c == '\\')
            {
                sb ??= NewBuilder(p - chunkStart + 16);
                sb.Append(s, chunkStart, p - chunkStart);
                p = ReadEscape(p, sb);
                chunkStart = p;
                continue;
            }
            if (c < 0x20 && c != '\t')
            {
                throw Error(p, SyntaxErrorMessages.InvalidCharacterInString(PrintCharAt(p)));
            }
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && p + 1 < s.Length && char.IsLowSurrogate(s[p + 1]))
                {
                    p += 2;
                    continue;
                }
                throw Error(p, SyntaxErrorMessages.InvalidCharacterInString(PrintCharAt(p)));
            }
            p++;
        }
        throw Error(p, SyntaxErrorMessages.UnterminatedString);
    }

    private int ReadEscape(int p, System.Text.StringBuilder sb)
    {
        var s = _source;
        if (p + 1 >= s.Length)
        {
            throw Error(p, SyntaxErrorMessages.InvalidEscape("\\"));
        }
        var e = s[p + 1];
        switch (e)
        {
            case '"': sb.Append('"'); return p + 2;
            case '\\': sb.Append('\\'); return p + 2;
            case '/': sb.Append('/'); return p + 2;
            case 'b': sb.Append('\b'); return p + 2;
            case 'f': sb.Append('\f'); return p + 2;
            case 'n': sb.Append('\n'); return p + 2;
            case 'r': sb.Append('\r'); return p + 2;
            case 't': sb.Append('\t'); return p + 2;
            case 'u': return ReadUnicodeEscape(p, sb);
            default:
                throw Error(p, SyntaxErrorMessages.InvalidEscape(s.Substring(p, char.IsHighSurrogate(e) && p + 2 < s.Length ? 3 : 2)));
        }
    }

    private int ReadUnicodeEscape(int p, System.Text.StringBuilder sb)
    {
        var s = _source;
        // Variable-width \u{...} escapes (accepted by graphql-js 16 and the spec's working draft).
        if (p + 2 < s.Length && s[p + 2] == '{')
        {
            // At most 12 characters (\u{00000000}); the loop mirrors graphql-js so errors quote the same text.
            var point = 0;
            var size = 3;
            while (size < 12)
            {
                var index = p + size++;
                var next = index < s.Length ? s[index] : -1;
                if (next == '}')
                {
                    if (size < 5 || !IsUnicodeScalarValue(point))
                    {
                        break;
                    }
                    sb.Append(char.ConvertFromUtf32(point));
                    return p + size;
                }
                point = (point << 4) | (next < 0 ? -1 : HexValue((char)next));
                if (point < 0)
                {
                    break;
                }
            }
            throw Error(p, SyntaxErrorMessages.InvalidUnicodeEscape(s[p..Math.Min(p + size, s.Length)]));
        }
        var code = Read4Hex(p + 2);
        if (code < 0)
        {
            throw Error(p, SyntaxErrorMessages.InvalidUnicodeEscape(s[p..Math.Min(p + 6, s.Length)]));
        }
        if (code >= 0xD800 && code <= 0xDBFF)
        {
            // A leading surrogate must be followed by an escaped trailing surrogate.
            if (p + 7 < s.Length && s[p + 6] == '\\' && s[p + 7] == 'u')
            {
                var trail = Read4Hex(p + 8);
                if (trail >= 0xDC00 && trail <= 0xDFFF)
                {
                    sb.Append((char)code).Append((char)trail);
                    return p + 12;
                }
            }
            throw Error(p, SyntaxErrorMessages.InvalidUnicodeEscape(s[p..(p + 6)]));
        }
        if (code >= 0xDC00 && code <= 0xDFFF)
        {
            throw Error(p, SyntaxErrorMessages.InvalidUnicodeEscape(s[p..(p + 6)]));
        }
        sb.Append((char)code);
        return p + 6;
    }

    private static bool IsUnicodeScalarValue(int point) => point is (>= 0 and <= 0xD7FF) or (>= 0xE000 and <= 0x10FFFF);

    private int Read4Hex(int p)
    {
        if (p + 4 > _source.Length)
        {
            return -1;
        }
        var value = 0;
        for (var i = 0; i < 4; i++)
        {
            var d = HexValue(_source[p + i]);
            if (d < 0)
            {
                return -1;
            }
            value = value * 16 + d;
        }
        return value;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    // Spec 2.9.4: block strings are raw except for \""" and have their common indentation removed.
    private void ReadBlockString(int start, int column)
    {
        var s = _source;
        var p = start + 3;
        var startLine = _line;
        var sb = NewBuilder(64);
        var chunkStart = p;
        while (p < s.Length)
        {
            var c = s[p];
            if (c == '"' && p + 2 < s.Length && s[p + 1] == '"' && s[p + 2] == '"')
            {
                sb.Append(s, chunkStart, p - chunkStart);
                _position = p + 3;
                SetString(TokenKind.BlockString, start, p + 3, startLine, column, BlockString.Dedent(sb.ToString()));
                return;
            }
            if (c == '\\' && p + 3 < s.Length && s[p + 1] == '"' && s[p + 2] == '"' && s[p + 3] == '"')
            {
                sb.Append(s, chunkStart, p - chunkStart).Append("\"\"\"");
                p += 4;
                chunkStart = p;
                continue;
            }
            if (c == '\n' || c == '\r')
            {
                p += c == '\r' && p + 1 < s.Length && s[p + 1] == '\n' ? 2 : 1;
                _line++;
                _lineStart = p;
                continue;
            }
            if (c < 0x20 && c != '\t')
            {
                throw Error(p, SyntaxErrorMessages.InvalidCharacterInString(PrintCharAt(p)));
            }
            p++;
        }
        throw Error(p, SyntaxErrorMessages.UnterminatedString);
    }
}
