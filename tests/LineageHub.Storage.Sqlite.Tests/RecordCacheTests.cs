using LineageHub.Core.Domain;
using LineageHub.Core.Storage;

namespace LineageHub.Storage.Sqlite.Tests;

/// <summary>The store's cache of records by ordinal, as it holds edges.</summary>
public sealed class RecordCacheTests
{
    private static EdgeRecord Edge(string to, int propertiesBytes = 2) =>
        new(EdgeKind.Read, new NodeKey(NodeKind.Run, "r"), new NodeKey(NodeKind.DatasetVersion, to), new byte[propertiesBytes], 1);

    [Fact]
    public void TryGet_GivesTheRecordPutForThatOrdinal_AndKeepsTwoThatShareASet()
    {
        var cache = new RecordCache<EdgeRecord>(edge => edge.Properties.Length);
        const int SetStride = 1 << 13;
        var first = Edge("a");
        cache.Put(5, first);

        Assert.True(cache.TryGet(5, out var found));
        Assert.Same(first, found);
        Assert.False(cache.TryGet(5 + SetStride, out _));

        // A second record of the same set is kept beside the first: neither evicts the other.
        var second = Edge("b");
        cache.Put(5 + SetStride, second);
        Assert.True(cache.TryGet(5, out found));
        Assert.Same(first, found);
        Assert.True(cache.TryGet(5 + SetStride, out found));
        Assert.Same(second, found);

        // A third drops the oldest of the set.
        var third = Edge("c");
        cache.Put(5 + 2 * SetStride, third);
        Assert.False(cache.TryGet(5, out _));
        Assert.True(cache.TryGet(5 + SetStride, out found));
        Assert.Same(second, found);
        Assert.True(cache.TryGet(5 + 2 * SetStride, out found));
        Assert.Same(third, found);
    }

    [Fact]
    public void Put_OfAnOrdinalAlreadyKept_ReplacesItWithoutKeepingTwoCopies()
    {
        var cache = new RecordCache<EdgeRecord>(edge => edge.Properties.Length);
        cache.Put(7, Edge("a"));
        var replacement = Edge("b");
        cache.Put(7, replacement);
        Assert.True(cache.TryGet(7, out var found));
        Assert.Same(replacement, found);
    }

    [Fact]
    public void Put_LeavesOutRecordsWithLargeProperties()
    {
        var cache = new RecordCache<EdgeRecord>(edge => edge.Properties.Length);
        cache.Put(1, Edge("a", propertiesBytes: 4097));
        Assert.False(cache.TryGet(1, out _));
    }
}
