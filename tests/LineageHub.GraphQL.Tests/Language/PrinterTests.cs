using LineageHub.GraphQL.Language;

namespace LineageHub.GraphQL.Tests.Language;

public sealed class PrinterTests
{
    [Fact]
    public void Print_Query_UsesCanonicalLayout()
    {
        var printed = Printer.Print(Parser.Parse("query Q($a:Int=1,$b:[String!]!@d){alias:f(x:$a,y:{k:[1,2.5,\"s\",ENUM,null,true]})@skip(if:false){...F ...on T{g}...{h}}} fragment F on T@d{i}"));
        Assert.Equal("""
            query Q($a: Int = 1, $b: [String!]! @d) {
              alias: f(x: $a, y: {k: [1, 2.5, "s", ENUM, null, true]}) @skip(if: false) {
                ...F
                ... on T {
                  g
                }
                ... {
                  h
                }
              }
            }

            fragment F on T @d {
              i
            }
            """.ReplaceLineEndings("\n"), printed);
    }

    [Fact]
    public void Print_AnonymousQuery_UsesShorthand()
    {
        Assert.Equal("{\n  a\n}", Printer.Print(Parser.Parse("query { a }")));
    }

    [Fact]
    public void Print_Sdl_RoundTrips()
    {
        const string sdl = """"
            "Schema doc"
            schema @a {
              query: Q
            }

            scalar Date @specifiedBy(url: "https://example.com")

            """
            Multi-line
            description
            """
            type Q implements A & B @d {
              id: ID!
              f(
                "arg doc"
                a: Int = 1 @deprecated
                b: [String!]
              ): [String!]! @deprecated(reason: "no")
            }

            union U = A | B

            enum E {
              A
              B @deprecated
            }

            input I {
              a: Int = 2
            }

            directive @d(x: Int) repeatable on FIELD | OBJECT

            extend type Q @a
            """";
        var normalized = sdl.ReplaceLineEndings("\n");
        var printed = Printer.Print(Parser.Parse(normalized));
        Assert.Equal(normalized, printed);
        Assert.Equal(printed, Printer.Print(Parser.Parse(printed)));
    }

    [Fact]
    public void Print_LongArgumentList_WrapsOnePerLine()
    {
        var printed = Printer.Print(Parser.Parse("{ f(aaaaaaaaaaaaaaaaaaaa: 1, bbbbbbbbbbbbbbbbbbbbbbbbbb: 2, cccccccccccccccccccccccccccc: 3) }"));
        Assert.Contains("f(\n    aaaaaaaaaaaaaaaaaaaa: 1\n    bbbbbbbbbbbbbbbbbbbbbbbbbb: 2", printed, StringComparison.Ordinal);
    }
}
