using LineageHub.GraphQL.Execution;

namespace LineageHub.GraphQL.Tests.Execution;

public sealed class DataLoaderTests
{
    [Fact]
    public async Task LoadAsync_SameKeyTwice_LoadsOnceAndCaches()
    {
        var batches = new List<IReadOnlyList<int>>();
        var loader = new DataLoader<int, string>((keys, _) =>
        {
            batches.Add(keys);
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => "v" + k));
        });
        var a = loader.LoadAsync(1);
        var b = loader.LoadAsync(2);
        var c = loader.LoadAsync(1);
        await loader.DispatchAsync();
        Assert.Equal(new[] { "v1", "v2", "v1" }, new[] { await a, await b, await c });
        Assert.Same(a, c);
        Assert.Equal("v2", await loader.LoadAsync(2));
        Assert.Single(batches);
        Assert.Equal([1, 2], batches[0]);
    }

    [Fact]
    public async Task LoadAsync_BatchFails_FaultsEveryKeyAndAllowsRetry()
    {
        var fail = true;
        var loader = new DataLoader<int, string>((keys, _) => fail
            ? Task.FromException<IReadOnlyDictionary<int, string>>(new InvalidOperationException("store down"))
            : Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => "ok")));
        var a = loader.LoadAsync(1);
        await loader.DispatchAsync();
        Assert.Equal("store down", (await Assert.ThrowsAsync<InvalidOperationException>(() => a)).Message);
        fail = false;
        var retry = loader.LoadAsync(1);
        await loader.DispatchAsync();
        Assert.Equal("ok", await retry);
    }

    [Fact]
    public async Task LoadValueAsync_KeysNewAndSeen_OneBatchWithTheTaskLoads()
    {
        var batches = new List<IReadOnlyList<int>>();
        var loader = new DataLoader<int, string>((keys, _) =>
        {
            batches.Add([.. keys]);
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.Where(k => k != 3).ToDictionary(k => k, k => "v" + k));
        });
        var a = loader.LoadValueAsync(1);
        var task = loader.LoadAsync(2);
        var b = loader.LoadValueAsync(2);
        var missing = loader.LoadValueAsync(3);
        var again = loader.LoadValueAsync(1);
        Assert.False(a.IsCompleted);
        Assert.False(again.IsCompleted);
        await loader.DispatchAsync();

        Assert.True(a.IsCompletedSuccessfully);
        Assert.Equal(new[] { "v1", "v2", "v2", null, "v1" }, new[] { await a, await task, await b, await missing, await again });
        Assert.Equal("v1", await loader.LoadValueAsync(1));
        Assert.Equal([[1, 2, 3]], batches);
    }

    [Fact]
    public async Task LoadValueAsync_AwaitedBeforeTheBatchRuns_ResumesWithTheValue()
    {
        var release = new TaskCompletionSource();
        var loader = new DataLoader<int, string>(async (keys, _) =>
        {
            await release.Task;
            return keys.ToDictionary(k => k, k => "v" + k);
        });
        async Task<string?> Awaiting() => await loader.LoadValueAsync(7);
        var waiting = Awaiting();
        var dispatch = loader.DispatchAsync();
        Assert.False(waiting.IsCompleted);

        release.SetResult();
        await dispatch;
        Assert.Equal("v7", await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task LoadValueAsync_BatchFails_FaultsTheValueAndAllowsRetry()
    {
        var fail = true;
        var loader = new DataLoader<int, string>((keys, _) => fail
            ? Task.FromException<IReadOnlyDictionary<int, string>>(new InvalidOperationException("store down"))
            : Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => "ok")));
        var value = loader.LoadValueAsync(1);
        await loader.DispatchAsync();
        Assert.True(value.IsFaulted);
        Assert.Equal("store down", (await Assert.ThrowsAsync<InvalidOperationException>(async () => await value)).Message);
        fail = false;
        var retry = loader.LoadValueAsync(1);
        await loader.DispatchAsync();
        Assert.Equal("ok", await retry);
    }

    [Fact]
    public async Task LoadManyAsync_KeysOldAndNew_LoadsOnlyTheNewAndAnswersInOrder()
    {
        var batches = new List<IReadOnlyList<int>>();
        var loader = new DataLoader<int, string>((keys, _) =>
        {
            batches.Add(keys);
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.Where(k => k != 4).ToDictionary(k => k, k => "v" + k));
        });
        var first = loader.LoadManyAsync([1, 2]);
        await loader.DispatchAsync();
        Assert.Equal(new string?[] { "v1", "v2" }, await first);

        var cached = loader.LoadManyAsync([2, 1]);
        Assert.True(cached.IsCompletedSuccessfully);
        var mixed = loader.LoadManyAsync([3, 1, 4, 3]);
        var single = loader.LoadAsync(3);
        Assert.False(mixed.IsCompleted);
        await loader.DispatchAsync();

        Assert.Equal(new string?[] { "v2", "v1" }, await cached);
        Assert.Equal(new string?[] { "v3", "v1", null, "v3" }, await mixed);
        Assert.Equal("v3", await single);
        Assert.Equal([[1, 2], [3, 4]], batches);
    }

    [Fact]
    public async Task LoadManyAsync_BatchFails_FaultsTheCallAndAllowsRetry()
    {
        var fail = true;
        var loader = new DataLoader<int, string>((keys, _) => fail
            ? Task.FromException<IReadOnlyDictionary<int, string>>(new InvalidOperationException("store down"))
            : Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => "ok" + k)));
        var many = loader.LoadManyAsync([1, 2]);
        await loader.DispatchAsync();
        Assert.Equal("store down", (await Assert.ThrowsAsync<InvalidOperationException>(() => many)).Message);
        fail = false;
        var retry = loader.LoadManyAsync([2, 1]);
        await loader.DispatchAsync();
        Assert.Equal(new string?[] { "ok2", "ok1" }, await retry);
    }

    [Fact]
    public async Task Executor_NestedListsWithLoaders_OneBatchPerLevel()
    {
        var schema = LineageHub.GraphQL.Types.Schema.FromSdl("type Query { items: [Item!]! } type Item { id: Int! child: Item }");
        var batches = new List<int>();
        schema.Resolve("Query", "items", _ => Enumerable.Range(0, 100).ToList())
            .Resolve("Item", "id", ctx => ctx.Source)
            .Resolve("Item", "child", async ctx =>
            {
                var loader = ctx.Request.GetDataLoader<int, object>("child", async (keys, ct) =>
                {
                    batches.Add(keys.Count);
                    await Task.Delay(5, ct);
                    return keys.Where(k => k < 10_000).ToDictionary(k => k, k => (object)(k + 1000));
                });
                return await loader.LoadAsync((int)ctx.Source!);
            });
        var result = await new GraphQLExecutor(schema).ExecuteAsync(new GraphQLRequest { Query = "{ items { id child { id child { id } } } }" });
        Assert.Empty(result.Errors);
        Assert.Equal([100, 100], batches);
        Assert.Contains("\"child\":{\"id\":2099}", result.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executor_LoadManyThenALoadPerItem_OneBatchPerLevel()
    {
        // Each parent's children come through LoadManyAsync, and each child then loads its own value: the
        // continuation after LoadManyAsync must run on the executor's loop, or the children's loads are
        // queued at scattered times after the loop dispatched and split into many batches.
        var schema = LineageHub.GraphQL.Types.Schema.FromSdl("type Query { parents: [Parent!]! } type Parent { children: [Child!]! } type Child { value: Int }");
        var batches = new List<(string Loader, int Keys)>();
        async Task<IReadOnlyDictionary<int, object>> Load(string name, IReadOnlyList<int> keys, Func<int, object> value)
        {
            lock (batches)
            {
                batches.Add((name, keys.Count));
            }
            await Task.Delay(5); // a store round trip: the batch completes on another thread
            return keys.ToDictionary(k => k, value);
        }
        schema.Resolve("Query", "parents", _ => Enumerable.Range(0, 20).ToList())
            .Resolve("Parent", "children", async ctx =>
            {
                var children = ctx.Request.GetDataLoader<int, object>("children", (keys, _) => Load("children", keys, k => k));
                var parent = (int)ctx.Source!;
                return (await children.LoadManyAsync(Enumerable.Range(parent * 5, 5))).ToList();
            })
            .Resolve("Child", "value", async ctx =>
            {
                var values = ctx.Request.GetDataLoader<int, object>("values", (keys, _) => Load("values", keys, k => k * 10));
                return await values.LoadAsync((int)ctx.Source!);
            });

        var result = await new GraphQLExecutor(schema).ExecuteAsync(new GraphQLRequest { Query = "{ parents { children { value } } }" });

        Assert.Empty(result.Errors);
        Assert.Equal([("children", 100), ("values", 100)], batches);
    }

    [Fact]
    public async Task Executor_LoaderUsedAfterConfigureAwaitFalse_StillDispatches()
    {
        var schema = LineageHub.GraphQL.Types.Schema.FromSdl("type Query { items: [Int!]! value(k: Int!): Int }");
        schema.Resolve("Query", "value", async ctx =>
        {
            // Leaves the executor's loop before touching the loader.
            await Task.Delay(10).ConfigureAwait(false);
            var loader = ctx.Request.GetDataLoader<int, object>("v", (keys, _) => Task.FromResult<IReadOnlyDictionary<int, object>>(keys.ToDictionary(k => k, k => (object)(k * 2))));
            return await loader.LoadAsync(ctx.GetArgument<int>("k")).ConfigureAwait(false);
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = await new GraphQLExecutor(schema).ExecuteAsync(new GraphQLRequest { Query = "{ a: value(k: 1) b: value(k: 2) }" }, timeout.Token);
        Assert.Equal("""{"data":{"a":2,"b":4}}""", result.ToJson());
    }

    [Fact]
    public async Task Executor_SecondRunOfADocument_SizesEachLoaderForTheKeysOfTheFirst()
    {
        var schema = LineageHub.GraphQL.Types.Schema.FromSdl("type Query { items(n: Int!): [Item!]! } type Item { value: Int }");
        var expected = new List<int>();
        schema.Resolve("Query", "items", ctx => Enumerable.Range(0, ctx.GetArgument<int>("n")).ToList())
            .Resolve("Item", "value", async ctx =>
            {
                var loader = ctx.Request.GetDataLoader<int, object>("values", (keys, _) => Task.FromResult<IReadOnlyDictionary<int, object>>(keys.ToDictionary(k => k, k => (object)k)));
                lock (expected)
                {
                    expected.Add(loader.ExpectedKeys);
                }
                return await loader.LoadValueAsync((int)ctx.Source!);
            });
        var executor = new GraphQLExecutor(schema);
        async Task<List<int>> RunAsync(string query)
        {
            expected.Clear();
            var result = await executor.ExecuteAsync(new GraphQLRequest { Query = query });
            Assert.Empty(result.Errors);
            return [.. expected.Distinct()];
        }

        Assert.Equal([0], await RunAsync("{ items(n: 70) { value } }"));
        Assert.Equal([70], await RunAsync("{ items(n: 70) { value } }"));
        // Another document has its own sizes; and a hint that is too small still takes every key.
        Assert.Equal([0], await RunAsync("{ items(n: 5) { value } }"));
        Assert.Equal([5], await RunAsync("{ items(n: 5) { value } }"));
        var more = await executor.ExecuteAsync(new GraphQLRequest { Query = "{ items(n: 300) { value } }" });
        var values = string.Join(",", Enumerable.Range(0, 300).Select(i => $"{{\"value\":{i}}}"));
        Assert.Equal("{\"data\":{\"items\":[" + values + "]}}", more.ToJson());
    }

    [Fact]
    public void Constructor_NegativeExpectedKeys_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader<int, int>((_, _) => Task.FromResult<IReadOnlyDictionary<int, int>>(new Dictionary<int, int>()), expectedKeys: -1));
    }
}
