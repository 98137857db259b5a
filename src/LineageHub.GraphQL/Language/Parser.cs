using System.Runtime.InteropServices;
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
    private readonly List<SelectionNode> _selectionStack = [];
    private readonly ParserOptions _options;
    private Token _token;
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
        _token = _lexer.Next();
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

    private DocumentNode ParseDocument()
    {
        var start = _token;
        var definitions = new List<DefinitionNode>();
        do
        {
            definitions.Add(ParseDefinition());
        }
        while (_token.Kind != TokenKind.Eof);
        return new DocumentNode(Loc(start), definitions);
    }

    private DefinitionNode ParseDefinition()
    {
        if (_token.Kind == TokenKind.BraceL)
        {
            return ParseOperationDefinition();
        }
        var hasDescription = _token.Kind is TokenKind.String or TokenKind.BlockString;
        if (hasDescription || _token.Kind == TokenKind.Name)
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
                    throw _lexer.Error(_token.Start, SyntaxErrorMessages.DescriptionNotAllowed);
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
        var probe = new Lexer(_lexer.Source[_token.End..], int.MaxValue);
        var next = probe.Next();
        return next with { Start = next.Start + _token.End, End = next.End + _token.End };
    }

    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = _token;
        if (_token.Kind == TokenKind.BraceL)
        {
            return new OperationDefinitionNode(Loc(start), OperationType.Query, null, [], NoDirectives, ParseSelectionSet());
        }
        var operation = ParseOperationType();
        string? name = null;
        Location? nameLocation = null;
        if (_token.Kind == TokenKind.Name)
        {
            nameLocation = At(_token);
            name = ParseName();
        }
        var variables = ParseVariableDefinitions();
        var directives = ParseDirectives(false);
        return new OperationDefinitionNode(Loc(start), operation, name, variables, directives, ParseSelectionSet()) { NameLocation = nameLocation };
    }

    private OperationType ParseOperationType()
    {
        var token = Expect(TokenKind.Name);
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
        if (_token.Kind != TokenKind.ParenL)
        {
            return [];
        }
        Advance();
        var list = new List<VariableDefinitionNode>();
        do
        {
            var start = _token;
            var variable = ParseVariable();
            Expect(TokenKind.Colon);
            var type = ParseTypeReference();
            ValueNode? defaultValue = null;
            if (Skip(TokenKind.Equals))
            {
                defaultValue = ParseValueLiteral(true);
            }
            list.Add(new VariableDefinitionNode(Loc(start), variable, type, defaultValue, ParseDirectives(true)));
        }
        while (!Skip(TokenKind.ParenR));
        return list;
    }

    private SelectionSetNode ParseSelectionSet()
    {
        var start = _token;
        Expect(TokenKind.BraceL);
        Enter();
        // Selections gather on one stack shared by every level and move into an exactly sized list
        // when the set closes: no list grows and copies itself, and no capacity is wasted.
        var first = _selectionStack.Count;
        do
        {
            _selectionStack.Add(ParseSelection());
        }
        while (!Skip(TokenKind.BraceR));
        _depth--;
        var selections = new List<SelectionNode>(_selectionStack.Count - first);
        selections.AddRange(CollectionsMarshal.AsSpan(_selectionStack)[first..]);
        _selectionStack.RemoveRange(first, _selectionStack.Count - first);
        return new SelectionSetNode(Loc(start), selections);
    }

    private SelectionNode ParseSelection()
    {
        var start = _token;
        if (Skip(TokenKind.Spread))
        {
            if (_token.Kind == TokenKind.Name && _token.Value != "on")
            {
                var nameLocation = At(_token);
                var name = ParseName();
                return new FragmentSpreadNode(Loc(start), name, ParseDirectives(false)) { NameLocation = nameLocation };
            }
            NamedTypeNode? typeCondition = null;
            if (_token.Kind == TokenKind.Name)
            {
                Advance();
                typeCondition = ParseNamedType();
            }
            var directives = ParseDirectives(false);
            return new InlineFragmentNode(Loc(start), typeCondition, directives, ParseSelectionSet());
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
        var fieldDirectives = ParseDirectives(false);
        var selectionSet = _token.Kind == TokenKind.BraceL ? ParseSelectionSet() : null;
        return new FieldNode(Loc(start), alias, fieldName, arguments, fieldDirectives, selectionSet);
    }

    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = _token;
        ExpectKeyword("fragment");
        if (_token.Kind == TokenKind.Name && _token.Value == "on")
        {
            throw Unexpected(_token);
        }
        var nameLocation = At(_token);
        var name = ParseName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(false);
        return new FragmentDefinitionNode(Loc(start), name, typeCondition, directives, ParseSelectionSet()) { NameLocation = nameLocation };
    }

    private void Enter()
    {
        if (++_depth > _options.MaxDepth)
        {
            throw _lexer.Error(_token.Start, SyntaxErrorMessages.TooDeep(_options.MaxDepth));
        }
    }

    private void Advance() => _token = _lexer.Next();

    private bool Skip(TokenKind kind)
    {
        if (_token.Kind != kind)
        {
            return false;
        }
        Advance();
        return true;
    }

    private Token Expect(TokenKind kind)
    {
        var token = _token;
        if (token.Kind != kind)
        {
            throw _lexer.Error(token.Start, SyntaxErrorMessages.Expected(
                kind is TokenKind.Name or TokenKind.Int or TokenKind.Float or TokenKind.String or TokenKind.BlockString or TokenKind.Eof
                    ? Token.Punctuator(kind)
                    : $"\"{Token.Punctuator(kind)}\"",
                token.Describe()));
        }
        Advance();
        return token;
    }

    private void ExpectKeyword(string keyword)
    {
        if (_token.Kind != TokenKind.Name || _token.Value != keyword)
        {
            throw _lexer.Error(_token.Start, SyntaxErrorMessages.Expected($"\"{keyword}\"", _token.Describe()));
        }
        Advance();
    }

    private string ParseName() => Expect(TokenKind.Name).Value!;

    private GraphQLSyntaxException Unexpected(Token token) =>
        _lexer.Error(token.Start, SyntaxErrorMessages.Unexpected(token.Describe()));

    private static Location At(Token token) => new(token.Start, token.End, token.Line, token.Column);

    private Location Loc(Token start) => new(start.Start, _token.Start, start.Line, start.Column);
}
