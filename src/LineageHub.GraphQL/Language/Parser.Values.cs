using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Language;

public sealed partial class Parser
{
    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst)
    {
        if (_lexer.Kind != TokenKind.ParenL)
        {
            return NoArguments;
        }
        Advance();
        var list = new List<ArgumentNode>();
        do
        {
            var start = Here;
            var name = ParseName();
            Expect(TokenKind.Colon);
            list.Add(new ArgumentNode(start, name, ParseValueLiteral(isConst)));
        }
        while (!Skip(TokenKind.ParenR));
        return list;
    }

    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (_lexer.Kind != TokenKind.At)
        {
            return NoDirectives;
        }
        var list = new List<DirectiveNode>();
        while (_lexer.Kind == TokenKind.At)
        {
            var start = Here;
            Advance();
            var name = ParseName();
            list.Add(new DirectiveNode(start, name, ParseArguments(isConst)));
        }
        return list;
    }

    private VariableNode ParseVariable()
    {
        var start = Here;
        Expect(TokenKind.Dollar);
        var nameLocation = Here;
        return new VariableNode(start, ParseName()) { NameLocation = nameLocation };
    }

    // Spec 2.9 Input Values.
    private ValueNode ParseValueLiteral(bool isConst)
    {
        var token = _token;
        switch (token.Kind)
        {
            case TokenKind.BracketL:
            {
                Advance();
                Enter();
                var values = new List<ValueNode>();
                while (!Skip(TokenKind.BracketR))
                {
                    values.Add(ParseValueLiteral(isConst));
                }
                _depth--;
                return new ListValueNode(Loc(token), values);
            }
            case TokenKind.BraceL:
            {
                Advance();
                Enter();
                var fields = new List<ObjectFieldNode>();
                while (!Skip(TokenKind.BraceR))
                {
                    var start = Here;
                    var name = ParseName();
                    Expect(TokenKind.Colon);
                    fields.Add(new ObjectFieldNode(start, name, ParseValueLiteral(isConst)));
                }
                _depth--;
                return new ObjectValueNode(Loc(token), fields);
            }
            case TokenKind.Int:
                Advance();
                return new IntValueNode(Loc(token), token.Value!);
            case TokenKind.Float:
                Advance();
                return new FloatValueNode(Loc(token), token.Value!);
            case TokenKind.String or TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                Advance();
                return token.Value switch
                {
                    "true" => new BooleanValueNode(Loc(token), true),
                    "false" => new BooleanValueNode(Loc(token), false),
                    "null" => new NullValueNode(Loc(token)),
                    _ => new EnumValueNode(Loc(token), token.Value!),
                };
            case TokenKind.Dollar when !isConst:
                return ParseVariable();
            case TokenKind.Dollar:
            {
                Advance();
                if (_lexer.Kind == TokenKind.Name)
                {
                    throw _lexer.Error(token.Start, $"Unexpected variable \"${_lexer.Value}\" in constant value.");
                }
                throw Unexpected(token);
            }
            default:
                throw Unexpected(token);
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        var token = _token;
        Advance();
        return new StringValueNode(Loc(token), token.Value!, token.Kind == TokenKind.BlockString);
    }

    // Spec 2.11 Type References.
    private TypeNode ParseTypeReference()
    {
        var start = Here;
        TypeNode type;
        if (Skip(TokenKind.BracketL))
        {
            Enter();
            var inner = ParseTypeReference();
            Expect(TokenKind.BracketR);
            _depth--;
            type = new ListTypeNode(start, inner);
        }
        else
        {
            type = ParseNamedType();
        }
        return Skip(TokenKind.Bang) ? new NonNullTypeNode(start, type) : type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var start = Here;
        return new NamedTypeNode(start, ParseName());
    }
}
