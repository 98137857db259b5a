using LineageHub.GraphQL.Language;
using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Tests.Language;

public sealed class ParserTests
{
    [Fact]
    public void Parse_QueryWithAliasArgumentsFragments_BuildsAst()
    {
        var doc = Parser.Parse("query Q($id: ID! = \"1\") { me: user(id: $id) { ...F ... on User @include(if: true) { name } } } fragment F on User { id }");
        var op = Assert.IsType<OperationDefinitionNode>(doc.Definitions[0]);
        Assert.Equal("Q", op.Name);
        Assert.Equal("id", op.VariableDefinitions[0].Variable.Name);
        Assert.IsType<NonNullTypeNode>(op.VariableDefinitions[0].Type);
        var field = Assert.IsType<FieldNode>(op.SelectionSet.Selections[0]);
        Assert.Equal("me", field.ResponseKey);
        Assert.Equal("user", field.Name);
        Assert.IsType<VariableNode>(field.Arguments[0].Value);
        Assert.IsType<FragmentSpreadNode>(field.SelectionSet!.Selections[0]);
        var inline = Assert.IsType<InlineFragmentNode>(field.SelectionSet.Selections[1]);
        Assert.Equal("User", inline.TypeCondition!.Name);
        Assert.Equal("include", inline.Directives[0].Name);
        Assert.IsType<FragmentDefinitionNode>(doc.Definitions[1]);
    }

    [Fact]
    public void Parse_UnterminatedString_ReportsLineAndColumnWithCaret()
    {
        var ex = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{\n  field(arg: \"abc)\n}"));
        Assert.Equal(SyntaxErrorMessages.UnterminatedString, ex.Description);
        Assert.Equal(2, ex.Line);
        Assert.Equal(19, ex.Column);
        Assert.Contains("(2:19)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2 |   field(arg: \"abc)", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("  |                   ^", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{", "Expected Name, found <EOF>.", 1, 2)]
    [InlineData("{ a(b: ) }", "Unexpected \")\".", 1, 8)]
    [InlineData("query { ...on }", "Expected Name, found \"}\".", 1, 15)]
    [InlineData("{ a: 01 }", "Invalid number, unexpected digit after 0: \"1\".", 1, 7)]
    [InlineData("notanoperation Foo { field }", "Unexpected Name \"notanoperation\".", 1, 1)]
    [InlineData("fragment on on on { on }", "Unexpected Name \"on\".", 1, 10)]
    [InlineData("{ f(a: 1.) }", "Invalid number, expected digit but got: \")\".", 1, 10)]
    [InlineData("{ f(a: 00) }", "Invalid number, unexpected digit after 0: \"0\".", 1, 9)]
    [InlineData("{ f(a: 1x) }", "Invalid number, expected digit but got: \"x\".", 1, 9)]
    [InlineData("{ f(a: \"\\x\") }", "Invalid character escape sequence: \"\\x\".", 1, 9)]
    [InlineData("{ f(a: \"\\u12\") }", "Invalid Unicode escape sequence: \"\\u12\")\".", 1, 9)]
    [InlineData("{ ? }", "Unexpected character: \"?\".", 1, 3)]
    [InlineData("{ 'a' }", SyntaxErrorMessages.SingleQuote, 1, 3)]
    [InlineData("query Q { a(x: $v) } query { b(x: {a: $v}) }", null, 0, 0)]
    public void Parse_InvalidDocument_ReportsGraphQLJsMessageAndPosition(string source, string? message, int line, int column)
    {
        if (message is null)
        {
            Assert.NotNull(Parser.Parse(source));
            return;
        }
        var ex = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source));
        Assert.Equal(message, ex.Description);
        Assert.Equal((line, column), (ex.Line, ex.Column));
    }

    [Fact]
    public void Parse_VariableInDefaultValue_IsRejected()
    {
        var ex = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("query ($a: Int = $b) { f }"));
        Assert.Equal("Unexpected variable \"$b\" in constant value.", ex.Description);
    }

    [Fact]
    public void Parse_DeepNesting_FailsWithDepthErrorNotStackOverflow()
    {
        var source = new string('{', 100_000);
        var ex = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("query " + source.Replace("{", "{ a ")));
        Assert.Equal(SyntaxErrorMessages.TooDeep(ParserOptions.Default.MaxDepth), ex.Description);

        var list = "{ f(a: " + new string('[', 100_000) + ") }";
        Assert.Equal(SyntaxErrorMessages.TooDeep(ParserOptions.Default.MaxDepth), Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(list)).Description);
    }

    [Fact]
    public void Parse_TooManyTokens_IsRefused()
    {
        var options = new ParserOptions { MaxTokens = 10 };
        var ex = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ a b c d e f g h i j k l }", options));
        Assert.Equal(SyntaxErrorMessages.TooManyTokens(10), ex.Description);
    }

    [Fact]
    public void Parse_DocumentLargerThanLimit_IsRefused()
    {
        var options = new ParserOptions { MaxDocumentLength = 5 };
        var ex = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ abc }", options));
        Assert.Equal(SyntaxErrorMessages.DocumentTooLarge(7, 5), ex.Description);
    }

    [Theory]
    [InlineData("\"\\u00e9\\uD83D\\uDE00\\u{1F600}\\n\\t\\\"\"", "é😀😀\n\t\"")]
    [InlineData("\"\"\"\n    hello\n      world\n    \"\"\"", "hello\n  world")]
    [InlineData("\"\"\"  a \\\"\"\" b\"\"\"", "  a \"\"\" b")]
    public void ParseValue_Strings_AreUnescapedAndDedented(string literal, string expected)
    {
        var value = Assert.IsType<StringValueNode>(Parser.ParseValue(literal));
        Assert.Equal(expected, value.Value);
    }

    [Fact]
    public void Parse_TypeSystemDocument_ReadsAllKinds()
    {
        var doc = Parser.Parse("""
            "The schema" schema @a { query: Q mutation: M }
            scalar Date @specifiedBy(url: "https://example.com")
            interface Node implements Entity & Other { id: ID! }
            type Q implements & Node { id: ID! "arg doc" f(a: Int = 1 @deprecated): [String!]! @deprecated(reason: "no") }
            union U = | A | B
            enum E { A B @deprecated }
            input I { a: Int = 2, b: [I!] }
            directive @d(x: Int) repeatable on FIELD | OBJECT
            extend type Q @a
            extend schema @b
            extend union U = C
            """);
        Assert.Equal(11, doc.Definitions.Count);
        var iface = Assert.IsType<TypeDefinitionNode>(doc.Definitions[2]);
        Assert.Equal(["Entity", "Other"], iface.Interfaces.Select(i => i.Name));
        var directive = Assert.IsType<DirectiveDefinitionNode>(doc.Definitions[7]);
        Assert.True(directive.IsRepeatable);
        Assert.Equal(["FIELD", "OBJECT"], directive.Locations);
        Assert.True(Assert.IsType<TypeDefinitionNode>(doc.Definitions[8]).IsExtension);
    }

    [Theory]
    [InlineData("extend type Q", "Unexpected <EOF>.")]
    [InlineData("directive @d on NOWHERE", "Unexpected Name \"NOWHERE\".")]
    [InlineData("type Q {}", "Expected Name, found \"}\".")]
    [InlineData("enum E { true }", "Name \"true\" is reserved and cannot be used for an enum value.")]
    public void Parse_InvalidTypeSystem_Fails(string source, string message)
    {
        Assert.Equal(message, Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source)).Description);
    }

    [Fact]
    public void Parse_LoneSurrogate_IsInvalidCharacter()
    {
        // Not in the graphql-js comparison: JSON cannot carry a lone surrogate to Node unchanged.
        var ex = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ a\uD83D }"));
        Assert.Equal("Invalid character: U+D83D.", ex.Description);
    }
}
