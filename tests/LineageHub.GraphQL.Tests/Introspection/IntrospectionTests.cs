namespace LineageHub.GraphQL.Tests.Introspection;

public sealed class IntrospectionTests
{
    [Fact]
    public async Task Type_DescribesFieldsDeprecationAndWrappers()
    {
        var json = await Some.LibraryExecutor().RunAsync("""
            { __type(name: "Book") { kind name fields(includeDeprecated: true) { name isDeprecated deprecationReason type { kind ofType { kind name } } } } }
            """);
        Assert.Contains("""{"name":"rating","isDeprecated":true,"deprecationReason":"use reviews","type":{"kind":"SCALAR","ofType":null}}""", json, StringComparison.Ordinal);
        Assert.Contains("""{"name":"id","isDeprecated":false,"deprecationReason":null,"type":{"kind":"NON_NULL","ofType":{"kind":"SCALAR","name":"ID"}}}""", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_ListsRootsDirectivesAndSpecifiedBy()
    {
        var json = await Some.LibraryExecutor().RunAsync("""
            { __schema { description queryType { name } mutationType { name } subscriptionType { name } directives { name isRepeatable } }
              date: __type(name: "Date") { specifiedByURL } genre: __type(name: "Genre") { enumValues { name } } input: __type(name: "BookInput") { isOneOf inputFields { name defaultValue } } }
            """);
        Assert.Contains("\"description\":\"A library of books.\",\"queryType\":{\"name\":\"Query\"},\"mutationType\":{\"name\":\"Mutation\"},\"subscriptionType\":null", json, StringComparison.Ordinal);
        Assert.Contains("{\"name\":\"oneOf\",\"isRepeatable\":false}", json, StringComparison.Ordinal);
        Assert.Contains("\"specifiedByURL\":\"https://tools.ietf.org/html/rfc3339\"", json, StringComparison.Ordinal);
        Assert.Contains("\"enumValues\":[{\"name\":\"FICTION\"},{\"name\":\"HISTORY\"}]", json, StringComparison.Ordinal);
        Assert.Contains("{\"name\":\"genre\",\"defaultValue\":\"FICTION\"}", json, StringComparison.Ordinal);
    }
}
