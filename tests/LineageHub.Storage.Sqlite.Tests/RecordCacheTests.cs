using LineageHub.Core.Domain;
using LineageHub.Core.Storage;

namespace LineageHub.Storage.Sqlite.Tests;

/// <summary>The store's cache of records by ordinal, as it holds edges.</summary>
public sealed class RecordCacheTests
{
    private static EdgeRecord Edge(string to, int propertiesBytes = 2) =>
        new(EdgeKind.Read, new NodeKey(NodeKind.Run, "r"), new NodeKey(NodeKind.DatasetVersion, to), new byte[propertiesBytes], 1);

    [Fact]
    public void TryGet_GivesTheRecordPutForThatOrdinal_AndNothingForAnotherSharingItsSlot()
    {
        var cache = new RecordCache<EdgeRecord>(edge => edge.Properties.Length);
        var first = Edge("a");
        cache.Put(5, first);

        Assert.True(cache.TryGet(5, out var found));
        Assert.Same(first, found);
        // 5 + 2^14 lands in the same slot: it must miss, then replace the first.
        Assert.False(cache.TryGet(5 + (1 << 14), out _));
        var second = Edge("b");
        cache.Put(5 + (1 << 14), second);
        Assert.False(cache.TryGet(5, out _));
        Assert.True(cache.TryGet(5 + (1 << 14), out found));
        Assert.Same(second, found);
    }

    [Fact]
    public void Put_LeavesOutRecordsWithLargeProperties()
    {
        var cache = new RecordCache<EdgeRecord>(edge => edge.Properties.Length);
        cache.Put(1, Edge("a", propertiesBytes: 4097));
        Assert.False(cache.TryGet(1, out _));
    }
}
