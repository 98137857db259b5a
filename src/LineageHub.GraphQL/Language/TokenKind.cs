namespace LineageHub.GraphQL.Language;

/// <summary>Lexical token kinds (spec 2.1.6 Lexical Tokens).</summary>
internal enum TokenKind : byte
{
    Eof,
    Bang,
    Dollar,
    Amp,
    ParenL,
    ParenR,
    Spread,
    Colon,
    Equals,
    At,
    BracketL,
    BracketR,
    BraceL,
    Pipe,
    BraceR,
    Name,
    Int,
    Float,
    String,
    BlockString,
}
