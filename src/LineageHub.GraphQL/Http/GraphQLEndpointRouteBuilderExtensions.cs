using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace LineageHub.GraphQL.Http;

/// <summary>Maps a GraphQL-over-HTTP endpoint in ASP.NET Core.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves <paramref name="executor"/> at <paramref name="pattern"/>: POST with JSON bodies, GET for
    /// queries, GraphiQL for browsers. <c>app.MapGraphQL("/graphql", new GraphQLExecutor(schema));</c>
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern, GraphQLExecutor executor, GraphQLHttpOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(executor);
        var handler = new GraphQLHttpHandler(executor, options ?? new GraphQLHttpOptions());
        return endpoints.Map(pattern, handler.HandleAsync);
    }

    /// <summary>Serves <paramref name="schema"/> with default executor limits.</summary>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern, Schema schema, GraphQLHttpOptions? options = null) =>
        endpoints.MapGraphQL(pattern, new GraphQLExecutor(schema), options);
}
