using System.Net;

namespace LineageHub.GraphQL.Http;

/// <summary>The GraphiQL IDE page; its scripts load from <see cref="GraphQLHttpOptions.GraphiQLAssetsBaseUrl"/>.</summary>
internal static class GraphiQLPage
{
    public static string Render(string assetsBaseUrl, string endpointPath)
    {
        var b = WebUtility.HtmlEncode(assetsBaseUrl.TrimEnd('/'));
        var endpoint = System.Text.Json.JsonSerializer.Serialize(endpointPath);
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>GraphiQL</title>
              <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
              <link rel="stylesheet" href="{{b}}/graphiql@3.7.1/graphiql.min.css">
              <script crossorigin src="{{b}}/react@18.3.1/umd/react.production.min.js"></script>
              <script crossorigin src="{{b}}/react-dom@18.3.1/umd/react-dom.production.min.js"></script>
              <script crossorigin src="{{b}}/graphiql@3.7.1/graphiql.min.js"></script>
            </head>
            <body>
              <div id="graphiql">Loading GraphiQL…</div>
              <script>
                const fetcher = GraphiQL.createFetcher({ url: {{endpoint}} });
                ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, { fetcher }));
              </script>
            </body>
            </html>
            """;
    }
}
