namespace LineageHub.GraphQL.Language;

/// <summary>Limits that keep hostile documents from costing more than a bounded amount of work.</summary>
public sealed record ParserOptions
{
    /// <summary>Shared defaults: 1 MiB of text, 100,000 tokens, nesting 128 deep.</summary>
    public static ParserOptions Default { get; } = new();

    /// <summary>Largest accepted document, in UTF-16 characters.</summary>
    public int MaxDocumentLength { get; init; } = 1024 * 1024;

    /// <summary>Most tokens the lexer hands out before the parse is refused.</summary>
    public int MaxTokens { get; init; } = 100_000;

    /// <summary>Deepest nesting of selection sets, list/object values and list types; guards the parser's stack.</summary>
    public int MaxDepth { get; init; } = 128;
}
