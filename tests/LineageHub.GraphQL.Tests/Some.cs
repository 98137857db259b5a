using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Tests;

/// <summary>The one builder of test schemas and data.</summary>
internal static class Some
{
    public const string LibrarySdl = """
        "A library of books."
        schema { query: Query mutation: Mutation }

        scalar Date @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")

        interface Node { id: ID! }
        interface Named implements Node { id: ID! name: String! }

        type Author implements Named & Node {
          id: ID!
          name: String!
          books(first: Int = 10): [Book!]!
        }

        type Book implements Node {
          id: ID!
          title: String!
          published: Date
          genre: Genre
          author: Author
          rating: Float @deprecated(reason: "use reviews")
          tags: [String]
        }

        union SearchResult = Author | Book

        enum Genre { FICTION HISTORY SCIENCE @deprecated }

        input BookInput { title: String!, genre: Genre = FICTION, tags: [String!] }

        type Query {
          book(id: ID!): Book
          books(genre: Genre): [Book!]!
          authors: [Author!]!
          search(text: String!): [SearchResult!]!
          node(id: ID!): Node
          echo(text: String, number: Int, numbers: [Int], date: Date, input: BookInput): String
          failing: String
          failingNonNull: String!
          nonNullList: [String!]
          slow(ms: Int!): String
        }

        type Mutation {
          addBook(input: BookInput!): Book!
          counter: Int!
        }
        """;

    public sealed record Author(string Id, string Name);

    public sealed record Book(string Id, string Title, string AuthorId, string Genre, DateOnly Published);

    public static readonly Author[] Authors = [new("a1", "Ada"), new("a2", "Grace")];

    public static readonly Book[] Books =
    [
        new("b1", "Engines", "a1", "SCIENCE", new DateOnly(1843, 1, 1)),
        new("b2", "Compilers", "a2", "SCIENCE", new DateOnly(1952, 5, 1)),
        new("b3", "Stories", "a1", "FICTION", new DateOnly(1850, 7, 4)),
    ];

    /// <summary>A schema with every kind of type and resolvers bound the way the API will bind them.</summary>
    public static Schema LibrarySchema(Action<int>? onAuthorBatch = null)
    {
        var schema = Schema.FromSdl(LibrarySdl);
        var counter = 0;
        schema
            .BindScalar("Date",
                serialize: v => v is DateOnly d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : throw new CoercionException($"Date cannot represent {v}"),
                parseValue: v => v is string s && DateOnly.TryParseExact(s, "yyyy-MM-dd", out var d) ? d : throw new CoercionException($"Date cannot represent {v}"))
            .BindTypeResolver("SearchResult", (value, _) => value is Author ? "Author" : value is Book ? "Book" : null)
            .BindTypeResolver("Node", (value, _) => value is Author ? "Author" : "Book")
            .BindTypeResolver("Named", (_, _) => "Author")
            .Resolve("Query", "book", ctx => Books.FirstOrDefault(b => b.Id == ctx.GetArgument<string>("id")))
            .Resolve("Query", "books", ctx => Books.Where(b => ctx.GetArgument<string>("genre") is not { } g || b.Genre == g).ToList())
            .Resolve("Query", "authors", _ => Authors)
            .Resolve("Query", "search", ctx => Authors.Cast<object>().Concat(Books).ToList())
            .Resolve("Query", "node", ctx => (object?)Authors.FirstOrDefault(a => a.Id == ctx.GetArgument<string>("id")) ?? Books.FirstOrDefault(b => b.Id == ctx.GetArgument<string>("id")))
            .Resolve("Query", "echo", ctx => string.Join("|", ctx.Arguments.Select(kv => kv.Key + "=" + Show(kv.Value))))
            .Resolve("Query", "failing", _ => throw new InvalidOperationException("boom"))
            .Resolve("Query", "failingNonNull", _ => null)
            .Resolve("Query", "nonNullList", _ => new[] { "a", null, "c" })
            .Resolve("Query", "slow", async ctx =>
            {
                await Task.Delay(ctx.GetArgument<int>("ms"), ctx.CancellationToken);
                return "done";
            })
            .Resolve("Author", "id", ctx => ((Author)ctx.Source!).Id)
            .Resolve("Author", "name", ctx => ((Author)ctx.Source!).Name)
            .Resolve("Author", "books", ctx => Books.Where(b => b.AuthorId == ((Author)ctx.Source!).Id).Take(ctx.GetArgument<int>("first")).ToList())
            .Resolve("Book", "id", ctx => ((Book)ctx.Source!).Id)
            .Resolve("Book", "title", ctx => ((Book)ctx.Source!).Title)
            .Resolve("Book", "genre", ctx => ((Book)ctx.Source!).Genre)
            .Resolve("Book", "published", ctx => ((Book)ctx.Source!).Published)
            .Resolve("Book", "rating", _ => 4.5)
            .Resolve("Book", "tags", _ => new[] { "x", "y" })
            .Resolve("Book", "author", async ctx =>
            {
                var loader = ctx.Request.GetDataLoader<string, Author>("authors", (keys, _) =>
                {
                    onAuthorBatch?.Invoke(keys.Count);
                    IReadOnlyDictionary<string, Author> found = Authors.Where(a => keys.Contains(a.Id)).ToDictionary(a => a.Id);
                    return Task.FromResult(found);
                });
                return await loader.LoadAsync(((Book)ctx.Source!).AuthorId);
            })
            .Resolve("Mutation", "addBook", ctx =>
            {
                var input = (IReadOnlyDictionary<string, object?>)ctx.Arguments["input"]!;
                return new Book("new", (string)input["title"]!, "a1", (string)input["genre"]!, new DateOnly(2020, 1, 1));
            })
            .Resolve("Mutation", "counter", async _ =>
            {
                // Serial execution is visible: each call sees the previous increment.
                await Task.Yield();
                return ++counter;
            });
        return schema;
    }

    public static GraphQLExecutor LibraryExecutor(ExecutorOptions? options = null) => new(LibrarySchema(), options);

    public static async Task<string> RunAsync(this GraphQLExecutor executor, string query, IReadOnlyDictionary<string, object?>? variables = null, string? operationName = null)
    {
        var result = await executor.ExecuteAsync(new GraphQLRequest { Query = query, Variables = variables, OperationName = operationName });
        return result.ToJson();
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        IEnumerable<object?> list when value is not string => "[" + string.Join(",", list.Select(Show)) + "]",
        IReadOnlyDictionary<string, object?> map => "{" + string.Join(",", map.Select(kv => kv.Key + ":" + Show(kv.Value))) + "}",
        _ => $"{value}:{value.GetType().Name}",
    };
}
