using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Language;
using LineageHub.GraphQL.Types;
using LineageHub.GraphQL.Validation;

namespace LineageHub.GraphQL.Tests.Validation;

public sealed class DocumentValidatorTests
{
    private static readonly Schema Library = Some.LibrarySchema();

    private static IReadOnlyList<GraphQLError> Validate(string document) => DocumentValidator.Validate(Library, Parser.Parse(document));

    [Theory]
    [InlineData("{ nope }", "Field Selections", "5.3.1")]
    [InlineData("{ authors { a: id a: name } }", "Field Selection Merging", "5.3.2")]
    [InlineData("{ authors }", "Leaf Field Selections", "5.3.3")]
    [InlineData("{ book(id: 1, x: 2) { id } }", "Argument Names", "5.4.1")]
    [InlineData("{ book { id } }", "Required Arguments", "5.4.2.1")]
    [InlineData("query A { authors { id } } query A { authors { id } }", "Operation Name Uniqueness", "5.2.1.1")]
    [InlineData("{ authors { id } } query B { authors { id } }", "Lone Anonymous Operation", "5.2.2.1")]
    [InlineData("{ authors { ...F } } fragment F on Author { ...F }", "Fragment Spreads Must Not Form Cycles", "5.5.2.2")]
    [InlineData("{ authors { id } } fragment F on Author { id }", "Fragments Must Be Used", "5.5.1.4")]
    [InlineData("{ books(genre: POETRY) { id } }", "Values of Correct Type", "5.6.1")]
    [InlineData("{ echo(input: { title: \"t\", nope: 1 }) }", "Input Object Field Names", "5.6.2")]
    [InlineData("{ echo(input: { genre: FICTION }) }", "Input Object Required Fields", "5.6.4")]
    [InlineData("{ authors @nope { id } }", "Directives Are Defined", "5.7.1")]
    [InlineData("query($v: Int) { echo(number: $v, text: $w) }", "All Variable Uses Defined", "5.8.3")]
    [InlineData("query($v: Int) { authors { id } }", "All Variables Used", "5.8.4")]
    [InlineData("query($v: String) { echo(number: $v) }", "All Variable Usages Are Allowed", "5.8.5")]
    [InlineData("type T { a: Int }", "Executable Definitions", "5.1.1")]
    public void Validate_InvalidDocument_NamesRuleAndSection(string document, string rule, string section)
    {
        var error = Validate(document)[0];
        Assert.Equal(rule, error.Extensions!["rule"]);
        Assert.Equal(section, error.Extensions["specSection"]);
        Assert.NotEmpty(error.Locations!);
    }

    [Fact]
    public void Validate_ReportsLocationsOfBothConflictingFields()
    {
        var error = Assert.Single(Validate("{\n  authors {\n    a: id\n    a: name\n  }\n}"));
        Assert.Equal("Fields \"a\" conflict because \"id\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", error.Message);
        Assert.Equal([new ErrorLocation(3, 5), new ErrorLocation(4, 5)], error.Locations);
    }

    // Few fragments are found by a scan, many through a map: both must let the first of two same-named
    // definitions win. Were the Book one found for "...F1", spreading it on an Author would be a second error.
    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void Validate_RepeatedFragmentName_FirstDefinitionIsTheOneSpread(int count)
    {
        var names = Enumerable.Range(0, count).Select(i => $"F{i}").ToList();
        var document = "{ authors { " + string.Concat(names.Select(n => $"...{n} ")) + "} }\n" +
            string.Concat(names.Select(n => $"fragment {n} on Author {{ id }}\n")) +
            "fragment F1 on Book { title }";

        var error = Assert.Single(Validate(document));
        Assert.Equal("Fragment Name Uniqueness", error.Extensions!["rule"]);
    }

    [Fact]
    public void Validate_ValidDocument_HasNoErrors()
    {
        Assert.Empty(Validate("query Q($id: ID!, $g: Genre = FICTION) { book(id: $id) { ...B } books(genre: $g) { ... on Book { id } } } fragment B on Book { title author { name } }"));
    }

    [Fact]
    public void Validate_ThousandsOfRepeatedFields_StaysFast()
    {
        var leaves = "{ authors { " + string.Concat(Enumerable.Repeat("name ", 20_000)) + "} }";
        var nested = "{ authors { " + string.Concat(Enumerable.Repeat("books { title } ", 1_000)) + "} }";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Empty(Validate(leaves));
        Assert.Empty(Validate(nested));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }
}
