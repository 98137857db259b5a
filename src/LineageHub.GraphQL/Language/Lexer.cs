using System.Globalization;
using System.Text;

namespace LineageHub.GraphQL.Language;

/// <summary>
/// Hand-written lexer over a string (spec 2.1). No regular expressions: each token is one pass over its
/// characters. A mutable class owned by exactly one parser, which reads the current token from the
/// lexer's own fields: handing out a token struct per token cost a 32-byte copy with a write barrier.
/// </summary>
internal sealed partial class Lexer
{
    private readonly string _source;
    private readonly int _maxTokens;
    private int _position;
    private int _line = 1;
    private int _lineStart;
    private int _tokenCount;

    public Lexer(string source, int maxTokens)
    {
        _source = source;
        _maxTokens = maxTokens;
        // A byte order mark is ignored (spec 2.1.1 Unicode).
        if (source.Length > 0 && source[0] == '\uFEFF')
        {
            _position = 1;
            _lineStart = 1;
        }
    }

    public string Source => _source;

    /// <summary>The current token's kind.</summary>
    public TokenKind Kind { get; private set; }

    /// <summary>Offset of the current token's first character.</summary>
    public int Start { get; private set; }

    /// <summary>Offset just past the current token.</summary>
    public int End { get; private set; }

    /// <summary>1-based line of the current token's first character.</summary>
    public int Line { get; private set; }

    /// <summary>1-based column of the current token's first character.</summary>
    public int Column { get; private set; }

    // The unescaped value of the current token when it is a string; names and numbers are read from the
    // source on demand instead, so lexing them stores no reference (each store cost a GC write barrier).
    private string? _stringValue;

    /// <summary>The current token's value for names, numbers and (unescaped) strings; else null.</summary>
    public string? Value => Kind switch
    {
        TokenKind.Name => Name(),
        TokenKind.Int or TokenKind.Float => _source[Start..End],
        TokenKind.String or TokenKind.BlockString => _stringValue,
        _ => null,
    };

    /// <summary>The current token, a name, as the one shared instance of that name (see <see cref="NameCache"/>).</summary>
    public string Name() => NameCache.Get(_source, Start, End - Start);

    /// <summary>Whether the current token is the name <paramref name="keyword"/>; compares in place, no string is made.</summary>
    public bool IsKeyword(string keyword) =>
        Kind == TokenKind.Name && _source.AsSpan(Start, End - Start).SequenceEqual(keyword);

    /// <summary>The current token as a value, for error messages and the rare look-ahead.</summary>
    public Token Current => new(Kind, Start, End, Line, Column, Value);

    private void Set(TokenKind kind, int start, int end, int line, int column)
    {
        Kind = kind;
        Start = start;
        End = end;
        Line = line;
        Column = column;
    }

    private void SetString(TokenKind kind, int start, int end, int line, int column, string value)
    {
        Set(kind, start, end, line, column);
        _stringValue = value;
    }

    /// <summary>Moves to the next token.</summary>
    public void Advance()
    {
        var s = _source;
        var start = _position;
        // No separator, or one space, is what comes before most tokens: decided here without a call.
        if ((uint)start >= (uint)s.Length || !IsSignificant(s[start]))
        {
            if ((uint)(start + 1) < (uint)s.Length && s[start] == ' ' && IsSignificant(s[start + 1]))
            {
                _position = ++start;
            }
            else
            {
                SkipIgnored();
                start = _position;
            }
        }
        if (++_tokenCount > _maxTokens)
        {
            throw Error(_position, SyntaxErrorMessages.TooManyTokens(_maxTokens));
        }
        var column = start - _lineStart + 1;
        if ((uint)start >= (uint)s.Length)
        {
            Set(TokenKind.Eof, start, start, _line, column);
            return;
        }
        var c = s[start];
        // Names and one-character punctuators are most tokens: one table look-up each decides them
        // before the switch, whose jump table mispredicted on every other token.
        if (c < AsciiLimit)
        {
            var kind = (TokenKind)SingleCharacterKinds[c];
            if (kind == TokenKind.Name)
            {
                ReadName(start, column);
                return;
            }
            if (kind != TokenKind.Eof)
            {
                _position = start + 1;
                Set(kind, start, start + 1, _line, column);
                return;
            }
        }
        switch (c)
        {
            case '.':
                if (start + 2 < s.Length && s[start + 1] == '.' && s[start + 2] == '.')
                {
                    _position = start + 3;
                    Set(TokenKind.Spread, start, start + 3, _line, column);
                    return;
                }
                throw Error(start, SyntaxErrorMessages.UnexpectedCharacter(PrintCharAt(start)));
            case '"':
                if (start + 2 < s.Length && s[start + 1] == '"' && s[start + 2] == '"')
                {
                    ReadBlockString(start, column);
                }
                else
                {
                    ReadString(start, column);
                }
                return;
            default:
                if (c == '-' || IsDigit(c))
                {
                    ReadNumber(start, column);
                    return;
                }
                throw Error(start, c == '\''
                    ? SyntaxErrorMessages.SingleQuote
                    : char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && start + 1 < s.Length && char.IsLowSurrogate(s[start + 1]))
                        ? SyntaxErrorMessages.InvalidCharacter(PrintCharAt(start))
                        : SyntaxErrorMessages.UnexpectedCharacter(PrintCharAt(start)));
        }
    }

    private const int AsciiLimit = 128;

    // For each ASCII character, the token it starts when that is decided by the character alone: a
    // one-character punctuator, or Name for a name start; Eof (0) for everything else.
    private static ReadOnlySpan<byte> SingleCharacterKinds =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0x00
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0x10
        0, (byte)TokenKind.Bang, 0, 0, (byte)TokenKind.Dollar, 0, (byte)TokenKind.Amp, 0, // 0x20 ! $ &
        (byte)TokenKind.ParenL, (byte)TokenKind.ParenR, 0, 0, 0, 0, 0, 0, // ( )
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)TokenKind.Colon, 0, 0, (byte)TokenKind.Equals, 0, 0, // 0x30 : =
        (byte)TokenKind.At, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, // 0x40 @ A-O
        N, N, N, N, N, N, N, N, N, N, N, (byte)TokenKind.BracketL, 0, (byte)TokenKind.BracketR, 0, N, // 0x50 P-Z [ ] _
        0, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, // 0x60 a-o
        N, N, N, N, N, N, N, N, N, N, N, (byte)TokenKind.BraceL, (byte)TokenKind.Pipe, (byte)TokenKind.BraceR, 0, 0, // 0x70 p-z { | }
    ];

    private const byte N = (byte)TokenKind.Name;

    // ASCII characters that may continue a name: letters, digits and '_' (spec 2.1.9 Names).
    private static ReadOnlySpan<byte> NameContinues =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ];

    private void SkipIgnored()
    {
        var s = _source;
        var p = _position;
        while (p < s.Length)
        {
            var c = s[p];
            switch (c)
            {
                case ' ' or '\t' or ',' or '\uFEFF':
                    p++;
                    break;
                case '\n':
                    p++;
                    _line++;
                    _lineStart = p;
                    break;
                case '\r':
                    p += p + 1 < s.Length && s[p + 1] == '\n' ? 2 : 1;
                    _line++;
                    _lineStart = p;
                    break;
                case '#':
                    while (p < s.Length && s[p] != '\n' && s[p] != '\r')
                    {
                        p++;
                    }
                    break;
                default:
                    _position = p;
                    return;
            }
        }
        _position = p;
    }

    private void ReadName(int start, int column)
    {
        var s = _source;
        var p = start + 1;
        var names = NameContinues;
        while ((uint)p < (uint)s.Length && s[p] is var c && c < AsciiLimit && names[c] != 0)
        {
            p++;
        }
        _position = p;
        Set(TokenKind.Name, start, p, _line, column);
    }

    // Spec 2.9.1 IntValue and 2.9.2 FloatValue.
    private void ReadNumber(int start, int column)
    {
        var p = start;
        var isFloat = false;
        if (_source[p] == '-')
        {
            p++;
        }
        if (p < _source.Length && _source[p] == '0')
        {
            p++;
            if (p < _source.Length && IsDigit(_source[p]))
            {
                throw Error(p, SyntaxErrorMessages.UnexpectedDigitAfterZero(PrintCharAt(p)));
            }
        }
        else
        {
            p = ReadDigits(p);
        }
        if (p < _source.Length && _source[p] == '.')
        {
            isFloat = true;
            p = ReadDigits(p + 1);
        }
        if (p < _source.Length && (_source[p] == 'e' || _source[p] == 'E'))
        {
            isFloat = true;
            p++;
            if (p < _source.Length && (_source[p] == '+' || _source[p] == '-'))
            {
                p++;
            }
            p = ReadDigits(p);
        }
        // A number directly followed by '.' or a name start is one malformed token, not two tokens.
        if (p < _source.Length && (_source[p] == '.' || IsNameStart(_source[p])))
        {
            throw Error(p, SyntaxErrorMessages.ExpectedDigit(PrintCharAt(p)));
        }
        _position = p;
        Set(isFloat ? TokenKind.Float : TokenKind.Int, start, p, _line, column);
    }

    private int ReadDigits(int p)
    {
        if (p >= _source.Length || !IsDigit(_source[p]))
        {
            throw Error(p, SyntaxErrorMessages.ExpectedDigit(PrintCharAt(p)));
        }
        while (p < _source.Length && IsDigit(_source[p]))
        {
            p++;
        }
        return p;
    }

    // Not ignored (spec 2.1.7 Ignored Tokens): neither white space, line terminator, comma, comment start nor BOM.
    private static bool IsSignificant(char c) => c > ' ' && c != ',' && c != '#' && c != '\uFEFF';

    public static bool IsNameStart(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_';

    private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>Prints the character at a position the way graphql-js does: <c>"x"</c> when printable ASCII, else <c>U+XXXX</c>.</summary>
    private string PrintCharAt(int p)
    {
        if (p >= _source.Length)
        {
            return "<EOF>";
        }
        var c = _source[p];
        if (c >= 0x20 && c <= 0x7E)
        {
            return c == '"' ? "'\"'" : $"\"{c}\"";
        }
        if (char.IsHighSurrogate(c) && p + 1 < _source.Length && char.IsLowSurrogate(_source[p + 1]))
        {
            return "U+" + char.ConvertToUtf32(c, _source[p + 1]).ToString("X4", CultureInfo.InvariantCulture);
        }
        return "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
    }

    public GraphQLSyntaxException Error(int position, string description)
    {
        // Recompute line and column from the start: errors are rare, and this keeps positions inside
        // multi-line block strings exact.
        var line = 1;
        var lineStart = 0;
        var end = Math.Min(position, _source.Length);
        for (var i = 0; i < end; i++)
        {
            var c = _source[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= _source.Length || _source[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new GraphQLSyntaxException(description, _source, position, line, position - lineStart + 1);
    }

    private static StringBuilder NewBuilder(int capacity) => new(capacity);
}
