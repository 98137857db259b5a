using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Language;

/// <summary>
/// Recursive-descent parser for executable and type system documents (spec 2 and 3). Every recursive
/// production counts depth against <see cref="ParserOptions.MaxDepth"/>, so hostile nesting ends in a
/// <see cref="GraphQLSyntaxException"/>, never a stack overflow.
/// </summary>
public sealed partial class Parser
{
    private static readonly IReadOnlyList<DirectiveNode> NoDirectives = [];
    private static readonly IReadOnlyList<ArgumentNode> NoArguments = [];

    private readonly Lexer _lexer;
    private readonly NodeStack<SelectionNode> _selections = new();
    private readonly ParserOptions _options;
    private int _depth;

    private Parser(string source, ParserOptions options)
    {
        _options = options;
        _lexer = new Lexer(source, options.MaxTokens);
        if (source.Length > options.MaxDocumentLength)
        {
            throw new GraphQLSyntaxException(
                SyntaxErrorMessages.DocumentTooLarge(source.Length, options.MaxDocumentLength), source, 0, 1, 1);
        }
        _lexer.Advance();
    }

    /// <summary>Parses a whole document; throws <see cref="GraphQLSyntaxException"/> on the first error.</summary>
    public static DocumentNode Parse(string source, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new Parser(source, options ?? ParserOptions.Default).ParseDocument();
    }

    /// <summary>Parses a single value literal, e.g. a default value; variables are allowed unless <paramref name="isConst"/>.</summary>
    public static ValueNode ParseValue(string source, bool isConst = false, ParserOptions? options = null)
    {
        var parser = new Parser(source, options ?? ParserOptions.Default);
        var value = parser.ParseValueLiteral(isConst);
        parser.Expect(TokenKind.Eof);
        return value;
    }

    /// <summary>Parses a type reference such as <c>[String!]!</c>.</summary>
    public static TypeNode ParseType(string source, ParserOptions? options = null)
    {
        var parser = new Parser(source, options ?? ParserOptions.Default);
        var type = parser.ParseTypeReference();
        parser.Expect(TokenKind.Eof);
        return type;
    }

    /// <summary>The current token as a value; the type system productions, which are not hot, read it whole.</summary>
    private Token _token => _lexer.Current;

    private DocumentNode ParseDocument()
    {
        var start = Here;
        var definitions = new List<DefinitionNode>();
        do
        {
            definitions.Add(ParseDefinition());
        }
        while (_lexer.Kind != TokenKind.Eof);
        return new DocumentNode(start, definitions);
    }

    private DefinitionNode ParseDefinition()
    {
        if (_lexer.Kind == TokenKind.BraceL)
        {
            return ParseOperationDefinition();
        }
        var hasDescription = _lexer.Kind is TokenKind.String or TokenKind.BlockString;
        if (hasDescription || _lexer.Kind == TokenKind.Name)
        {
            var keyword = hasDescription ? PeekAfterDescription() : _token;
            if (keyword.Kind == TokenKind.Name)
            {
                if (keyword.Value is "schema" or "scalar" or "type" or "interface" or "union" or "enum" or "input" or "directive")
                {
                    return ParseTypeSystemDefinition();
                }
                if (hasDescription)
                {
                    throw _lexer.Error(_lexer.Start, SyntaxErrorMessages.DescriptionNotAllowed);
                }
                switch (keyword.Value)
                {
                    case "query" or "mutation" or "subscription":
                        return ParseOperationDefinition();
                    case "fragment":
                        return ParseFragmentDefinition();
                    case "extend":
                        return ParseTypeSystemExtension();
                }
            }
            throw Unexpected(keyword);
        }
        throw Unexpected(_token);
    }

    // A description is one token, so the keyword is the token after it; lex it on a throwaway lexer
    // state rather than adding general two-token lookahead to the hot path.
    private Token PeekAfterDescription()
    {
        var end = _lexer.End;
        var probe = new Lexer(_lexer.Source[end..], int.MaxValue);
        probe.Advance();
        var next = probe.Current;
        return next with { Start = next.Start + end, End = next.End + end };
    }

    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = Here;
        if (_lexer.Kind == TokenKind.BraceL)
        {
            return new OperationDefinitionNode(start, OperationType.Query, null, [], NoDirectives, ParseSelectionSet());
        }
        var operation = ParseOperationType();
        string? name = null;
        Location? nameLocation = null;
        if (_lexer.Kind == TokenKind.Name)
        {
            nameLocation = Here;
            name = ParseName();
        }
        var variables = ParseVariableDefinitions();
        var directives = ParseDirectives(false);
        return new OperationDefinitionNode(start, operation, name, variables, directives, ParseSelectionSet()) { NameLocation = nameLocation };
    }

    private OperationType ParseOperationType()
    {
        var token = _token;
        Expect(TokenKind.Name);
        return token.Value switch
        {
            "query" => OperationType.Query,
            "mutation" => OperationType.Mutation,
            "subscription" => OperationType.Subscription,
            _ => throw Unexpected(token),
        };
    }

    private IReadOnlyList<VariableDefinitionNode> ParseVariableDefinitions()
    {
        if (_lexer.Kind != TokenKind.ParenL)
        {
            return [];
        }
        Advance();
        var list = new List<VariableDefinitionNode>();
        do
        {
            var start = Here;
            var variable = ParseVariable();
            Expect(TokenKind.Colon);
            var type = ParseTypeReference();
            ValueNode? defaultValue = null;
            if (Skip(TokenKind.Equals))
            {
                defaultValue = ParseValueLiteral(true);
            }
            list.Add(new VariableDefinitionNode(start, variable, type, defaultValue, ParseDirectives(true)));
        }
        while (!Skip(TokenKind.ParenR));
        return list;
    }

    private SelectionSetNode ParseSelectionSet()
    {
        var start = Here;
        Expect(TokenKind.BraceL);
        Enter();
        // Selections gather on one stack shared by every level and move into an exactly sized array
        // when the set closes: no list grows and copies itself, and no capacity is wasted.
        var first = _selections.Count;
        do
        {
            _selections.Push(ParseSelection());
        }
        while (!Skip(TokenKind.BraceR));
        _depth--;
        return new SelectionSetNode(start, _selections.PopFrom(first));
    }

    private SelectionNode ParseSelection()
    {
        var start = Here;
        if (Skip(TokenKind.Spread))
        {
            if (_lexer.Kind == TokenKind.Name && !_lexer.IsKeyword("on"))
            {
                var nameLocation = Here;
                var name = ParseName();
                return new FragmentSpreadNode(start, name, ParseDirectives(false)) { NameLocation = nameLocation };
            }
            NamedTypeNode? typeCondition = null;
            if (_lexer.Kind == TokenKind.Name)
            {
                Advance();
                typeCondition = ParseNamedType();
            }
            var directives = ParseDirectives(false);
            return new InlineFragmentNode(start, typeCondition, directives, ParseSelectionSet());
        }
        var nameOrAlias = ParseName();
        string? alias = null;
        string fieldName;
        if (Skip(TokenKind.Colon))
        {
            alias = nameOrAlias;
            fieldName = ParseName();
        }
        else
        {
            fieldName = nameOrAlias;
        }
        var arguments = ParseArguments(false);
        // Checked here so the common field without directives costs no call.
        var fieldDirectives = _lexer.Kind == TokenKind.At ? ParseDirectives(false) : NoDirectives;
        var selectionSet = _lexer.Kind == TokenKind.BraceL ? ParseSelectionSet() : null;
        return new FieldNode(start, alias, fieldName, arguments, fieldDirectives, selectionSet);
    }

    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = Here;
        ExpectKeyword("fragment");
        if (_lexer.IsKeyword("on"))
        {
            throw Unexpected(_token);
        }
        var nameLocation = Here;
        var name = ParseName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(false);
        return new FragmentDefinitionNode(start, name, typeCondition, directives, ParseSelectionSet()) { NameLocation = nameLocation };
    }

    private void Enter()
    {
        if (++_depth > _options.MaxDepth)
        {
            throw _lexer.Error(_lexer.Start, SyntaxErrorMessages.TooDeep(_options.MaxDepth));
        }
    }

    private void Advance() => _lexer.Advance();

    private bool Skip(TokenKind kind)
    {
        if (_lexer.Kind != kind)
        {
            return false;
        }
        _lexer.Advance();
        return true;
    }

    private void Expect(TokenKind kind)
    {
        if (_lexer.Kind != kind)
        {
            throw ExpectedError(kind);
        }
        _lexer.Advance();
    }

    private GraphQLSyntaxException ExpectedError(TokenKind kind) =>
        _lexer.Error(_lexer.Start, SyntaxErrorMessages.Expected(
            kind is TokenKind.Name or TokenKind.Int or TokenKind.Float or TokenKind.String or TokenKind.BlockString or TokenKind.Eof
                ? Token.Punctuator(kind)
                : $"\"{Token.Punctuator(kind)}\"",
            _token.Describe()));

    private void ExpectKeyword(string keyword)
    {
        if (!_lexer.IsKeyword(keyword))
        {
            throw _lexer.Error(_lexer.Start, SyntaxErrorMessages.Expected($"\"{keyword}\"", _token.Describe()));
        }
        Advance();
    }

    private string ParseName()
    {
        if (_lexer.Kind != TokenKind.Name)
        {
            throw ExpectedError(TokenKind.Name);
        }
        var name = _lexer.Name();
        _lexer.Advance();
        return name;
    }

    private GraphQLSyntaxException Unexpected(Token token) =>
        _lexer.Error(token.Start, SyntaxErrorMessages.Unexpected(token.Describe()));

    /// <summary>Where the current token starts: a node's <see cref="Location"/> is its first token's.</summary>
    private Location Here => new(_lexer.Line, _lexer.Column);

    private static Location Loc(Token start) => new(start.Line, start.Column);
}
