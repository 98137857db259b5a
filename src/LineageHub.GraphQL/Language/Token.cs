namespace LineageHub.GraphQL.Language;

/// <summary>One lexical token; <see cref="Value"/> is set for names, numbers and (unescaped) strings.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, int Line, int Column, string? Value)
{
    /// <summary>How graphql-js describes a token in "Expected X, found Y" messages.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.Eof => "<EOF>",
        TokenKind.Name => $"Name \"{Value}\"",
        TokenKind.Int => $"Int \"{Value}\"",
        TokenKind.Float => $"Float \"{Value}\"",
        TokenKind.String => $"String \"{Value}\"",
        TokenKind.BlockString => $"BlockString \"{Value}\"",
        _ => $"\"{Punctuator(Kind)}\"",
    };

    public static string Punctuator(TokenKind kind) => kind switch
    {
        TokenKind.Bang => "!",
        TokenKind.Dollar => "$",
        TokenKind.Amp => "&",
        TokenKind.ParenL => "(",
        TokenKind.ParenR => ")",
        TokenKind.Spread => "...",
        TokenKind.Colon => ":",
        TokenKind.Equals => "=",
        TokenKind.At => "@",
        TokenKind.BracketL => "[",
        TokenKind.BracketR => "]",
        TokenKind.BraceL => "{",
        TokenKind.Pipe => "|",
        TokenKind.BraceR => "}",
        TokenKind.Name => "Name",
        TokenKind.Int => "Int",
        TokenKind.Float => "Float",
        TokenKind.String => "String",
        TokenKind.BlockString => "BlockString",
        _ => "<EOF>",
    };
}
