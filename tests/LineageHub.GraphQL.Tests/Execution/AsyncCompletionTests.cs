using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Tests.Execution;

/// <summary>
/// Fields that finish later than they start: values land in their places whatever order the tasks end in,
/// and a failure nulls the nearest nullable position (spec 6.4.4), for a single object and for list items.
/// The resolvers leave the executor's loop (ConfigureAwait(false) after a delay), as real I/O does.
/// </summary>
public sealed class AsyncCompletionTests
{
    private const string Sdl = """
        type Query { items: [Item] strictItems: [Item!] one: Item }
        type Item { id: Int! slow: Int strict: Int! child: Item }
        """;

    // Item n: slow is n * 10 after a delay that shrinks with n (later items finish first); strict fails
    // for item 1; child is item 1 for item 0, else item n + 100.
    private static GraphQLExecutor Executor()
    {
        var schema = Schema.FromSdl(Sdl);
        schema.Resolve("Query", "items", _ => Enumerable.Range(0, 4).ToList())
            .Resolve("Query", "strictItems", _ => Enumerable.Range(0, 4).ToList())
            .Resolve("Query", "one", _ => 1)
            .Resolve("Item", "id", ctx => ctx.Source)
            .Resolve("Item", "slow", async ctx =>
            {
                var n = (int)ctx.Source!;
                await Task.Delay(Math.Max(1, 20 - (n % 100 * 5))).ConfigureAwait(false);
                return n * 10;
            })
            .Resolve("Item", "strict", async ctx =>
            {
                var n = (int)ctx.Source!;
                await Task.Delay(5).ConfigureAwait(false);
                return n == 1 ? throw new InvalidOperationException("strict failed for 1") : n;
            })
            .Resolve("Item", "child", async ctx =>
            {
                await Task.Yield();
                var n = (int)ctx.Source!;
                return n == 0 ? 1 : n + 100;
            });
        return new GraphQLExecutor(schema);
    }

    [Fact]
    public async Task ListItems_FinishingInReverseOrder_KeepTheirPlacesAndFieldOrder()
    {
        var json = await Executor().RunAsync("{ items { slow id child { id slow } } }");
        Assert.Equal(
            """{"data":{"items":[{"slow":0,"id":0,"child":{"id":1,"slow":10}},{"slow":10,"id":1,"child":{"id":101,"slow":1010}},{"slow":20,"id":2,"child":{"id":102,"slow":1020}},{"slow":30,"id":3,"child":{"id":103,"slow":1030}}]}}""",
            json);
    }

    [Fact]
    public async Task NonNullFieldFailingLater_NullsItsNullableItemOnly()
    {
        var json = await Executor().RunAsync("{ items { id strict slow } }");
        Assert.Equal(
            """{"errors":[{"message":"strict failed for 1","locations":[{"line":1,"column":14}],"path":["items",1,"strict"]}],"data":{"items":[{"id":0,"strict":0,"slow":0},null,{"id":2,"strict":2,"slow":20},{"id":3,"strict":3,"slow":30}]}}""",
            json);
    }

    [Fact]
    public async Task NonNullFieldFailingLater_InANonNullItem_NullsTheWholeList()
    {
        var json = await Executor().RunAsync("{ strictItems { id strict } one { id } }");
        Assert.Equal(
            """{"errors":[{"message":"strict failed for 1","locations":[{"line":1,"column":20}],"path":["strictItems",1,"strict"]}],"data":{"strictItems":null,"one":{"id":1}}}""",
            json);
    }

    [Fact]
    public async Task NonNullFieldFailingLater_OnASingleObject_NullsThatObject()
    {
        var json = await Executor().RunAsync("{ one { id strict child { slow } } }");
        Assert.Equal(
            """{"errors":[{"message":"strict failed for 1","locations":[{"line":1,"column":12}],"path":["one","strict"]}],"data":{"one":null}}""",
            json);
    }

    [Fact]
    public async Task NonNullFieldFailingLater_DeepInside_StopsAtTheNearestNullableField()
    {
        var json = await Executor().RunAsync("{ items { id child { id strict } } }");
        Assert.Equal(
            """{"errors":[{"message":"strict failed for 1","locations":[{"line":1,"column":25}],"path":["items",0,"child","strict"]}],"data":{"items":[{"id":0,"child":null},{"id":1,"child":{"id":101,"strict":101}},{"id":2,"child":{"id":102,"strict":102}},{"id":3,"child":{"id":103,"strict":103}}]}}""",
            json);
    }

    [Fact]
    public async Task PendingFieldsOfSeveralLevels_AllFinishBeforeTheirLists()
    {
        var json = await Executor().RunAsync("{ items { slow child { slow child { slow } } } }");
        Assert.Equal(
            """{"data":{"items":[{"slow":0,"child":{"slow":10,"child":{"slow":1010}}},{"slow":10,"child":{"slow":1010,"child":{"slow":2010}}},{"slow":20,"child":{"slow":1020,"child":{"slow":2020}}},{"slow":30,"child":{"slow":1030,"child":{"slow":2030}}}]}}""",
            json);
    }
}
