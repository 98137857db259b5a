using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Language;

public sealed partial class Parser
{
    private static readonly HashSet<string> DirectiveLocationNames =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
    ];

    // Spec 3 Type System.
    private DefinitionNode ParseTypeSystemDefinition()
    {
        var start = Here;
        var description = ParseDescription();
        var keyword = _token;
        Expect(TokenKind.Name);
        switch (keyword.Value)
        {
            case "schema":
            {
                var directives = ParseDirectives(true);
                return new SchemaDefinitionNode(start, description, directives, ParseOperationTypes(false), false);
            }
            case "directive":
                return ParseDirectiveDefinition(start, description);
            default:
                return ParseTypeDefinition(start, keyword, description, false);
        }
    }

    // Spec 3.1 Type System Extensions.
    private DefinitionNode ParseTypeSystemExtension()
    {
        var start = Here;
        ExpectKeyword("extend");
        var keyword = _token;
        if (keyword.Kind == TokenKind.Name)
        {
            switch (keyword.Value)
            {
                case "schema":
                {
                    Advance();
                    var directives = ParseDirectives(true);
                    var operations = ParseOperationTypes(true);
                    if (directives.Count == 0 && operations.Count == 0)
                    {
                        throw Unexpected(_token);
                    }
                    return new SchemaDefinitionNode(start, null, directives, operations, true);
                }
                case "scalar" or "type" or "interface" or "union" or "enum" or "input":
                {
                    Advance();
                    var node = ParseTypeDefinition(start, keyword, null, true);
                    if (node.Directives.Count == 0 && node.Interfaces.Count == 0 && node.Fields.Count == 0 &&
                        node.UnionMembers.Count == 0 && node.EnumValues.Count == 0 && node.InputFields.Count == 0)
                    {
                        throw Unexpected(_token);
                    }
                    return node;
                }
            }
        }
        throw Unexpected(keyword);
    }

    private TypeDefinitionNode ParseTypeDefinition(Location start, Token keyword, StringValueNode? description, bool isExtension)
    {
        var kind = keyword.Value switch
        {
            "scalar" => TypeDefinitionKind.Scalar,
            "type" => TypeDefinitionKind.Object,
            "interface" => TypeDefinitionKind.Interface,
            "union" => TypeDefinitionKind.Union,
            "enum" => TypeDefinitionKind.Enum,
            "input" => TypeDefinitionKind.InputObject,
            _ => throw Unexpected(keyword),
        };
        var name = ParseName();
        IReadOnlyList<NamedTypeNode> interfaces = [];
        if (kind is TypeDefinitionKind.Object or TypeDefinitionKind.Interface)
        {
            interfaces = ParseImplementsInterfaces();
        }
        var directives = ParseDirectives(true);
        IReadOnlyList<FieldDefinitionNode> fields = [];
        IReadOnlyList<NamedTypeNode> members = [];
        IReadOnlyList<EnumValueDefinitionNode> values = [];
        IReadOnlyList<InputValueDefinitionNode> inputFields = [];
        switch (kind)
        {
            case TypeDefinitionKind.Object or TypeDefinitionKind.Interface:
                fields = ParseBracedList(TokenKind.BraceL, TokenKind.BraceR, ParseFieldDefinition);
                break;
            case TypeDefinitionKind.Union:
                members = ParseUnionMembers();
                break;
            case TypeDefinitionKind.Enum:
                values = ParseBracedList(TokenKind.BraceL, TokenKind.BraceR, ParseEnumValueDefinition);
                break;
            case TypeDefinitionKind.InputObject:
                inputFields = ParseBracedList(TokenKind.BraceL, TokenKind.BraceR, ParseInputValueDefinition);
                break;
        }
        return new TypeDefinitionNode(start, kind, isExtension, description, name, interfaces, directives, fields, members, values, inputFields);
    }

    private StringValueNode? ParseDescription() =>
        _token.Kind is TokenKind.String or TokenKind.BlockString ? ParseStringLiteral() : null;

    private IReadOnlyList<OperationTypeDefinitionNode> ParseOperationTypes(bool optional)
    {
        if (optional && _token.Kind != TokenKind.BraceL)
        {
            return [];
        }
        return ParseBracedList(TokenKind.BraceL, TokenKind.BraceR, () =>
        {
            var start = Here;
            var operation = ParseOperationType();
            Expect(TokenKind.Colon);
            return new OperationTypeDefinitionNode(start, operation, ParseNamedType());
        }, required: true);
    }

    private IReadOnlyList<NamedTypeNode> ParseImplementsInterfaces()
    {
        if (_token.Kind != TokenKind.Name || _token.Value != "implements")
        {
            return [];
        }
        Advance();
        Skip(TokenKind.Amp);
        var list = new List<NamedTypeNode> { ParseNamedType() };
        while (Skip(TokenKind.Amp))
        {
            list.Add(ParseNamedType());
        }
        return list;
    }

    private IReadOnlyList<NamedTypeNode> ParseUnionMembers()
    {
        if (!Skip(TokenKind.Equals))
        {
            return [];
        }
        Skip(TokenKind.Pipe);
        var list = new List<NamedTypeNode> { ParseNamedType() };
        while (Skip(TokenKind.Pipe))
        {
            list.Add(ParseNamedType());
        }
        return list;
    }

    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = Here;
        var description = ParseDescription();
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        return new FieldDefinitionNode(start, description, name, arguments, type, ParseDirectives(true));
    }

    private IReadOnlyList<InputValueDefinitionNode> ParseArgumentDefinitions() =>
        _token.Kind == TokenKind.ParenL
            ? ParseBracedList(TokenKind.ParenL, TokenKind.ParenR, ParseInputValueDefinition, required: true)
            : [];

    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        var start = Here;
        var description = ParseDescription();
        var name = ParseName();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        ValueNode? defaultValue = null;
        if (Skip(TokenKind.Equals))
        {
            defaultValue = ParseValueLiteral(true);
        }
        return new InputValueDefinitionNode(start, description, name, type, defaultValue, ParseDirectives(true));
    }

    private EnumValueDefinitionNode ParseEnumValueDefinition()
    {
        var start = Here;
        var description = ParseDescription();
        var token = _token;
        var name = ParseName();
        // Spec 3.9 Enums: EnumValue is any Name but true, false or null.
        if (name is "true" or "false" or "null")
        {
            throw _lexer.Error(token.Start, SyntaxErrorMessages.ReservedEnumValue(name));
        }
        return new EnumValueDefinitionNode(start, description, name, ParseDirectives(true));
    }

    private DirectiveDefinitionNode ParseDirectiveDefinition(Location start, StringValueNode? description)
    {
        Expect(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        var repeatable = false;
        if (_token.Kind == TokenKind.Name && _token.Value == "repeatable")
        {
            repeatable = true;
            Advance();
        }
        ExpectKeyword("on");
        Skip(TokenKind.Pipe);
        var locations = new List<string>();
        do
        {
            var token = _token;
            var location = ParseName();
            if (!DirectiveLocationNames.Contains(location))
            {
                throw Unexpected(token);
            }
            locations.Add(location);
        }
        while (Skip(TokenKind.Pipe));
        return new DirectiveDefinitionNode(start, description, name, arguments, repeatable, locations);
    }

    private List<T> ParseBracedList<T>(TokenKind open, TokenKind close, Func<T> item, bool required = false)
    {
        if (!required && _token.Kind != open)
        {
            return [];
        }
        Expect(open);
        Enter();
        var list = new List<T>();
        do
        {
            list.Add(item());
        }
        while (!Skip(close));
        _depth--;
        return list;
    }
}
