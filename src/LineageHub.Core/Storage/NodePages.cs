using System.Runtime.CompilerServices;
using LineageHub.Core.Domain;

namespace LineageHub.Core.Storage;

/// <summary>Every node of a kind, read through <see cref="ILineageStore.ListNodesAsync"/> a page at a time.</summary>
public static class NodePages
{
    private const int PageSize = 1000;

    /// <summary>The nodes of <paramref name="kind"/> in key order, fetched in pages of 1,000.</summary>
    public static async IAsyncEnumerable<NodeRecord> AllNodesAsync(this ILineageStore store, NodeKind kind, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        string? after = null;
        while (true)
        {
            var page = await store.ListNodesAsync(kind, null, after, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var node in page)
            {
                yield return node;
            }
            if (page.Count < PageSize)
            {
                yield break;
            }
            after = page[^1].Key.Key;
        }
    }
}
