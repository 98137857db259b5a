using LineageHub.Core.Domain;
using LineageHub.Core.Storage;

namespace LineageHub.Core.Lineage;

public sealed partial class LineageIndex
{
    // Per node kind, its keys in order; built on the first page of that kind, then kept up to date.
    private readonly KeyOrder[] _orders = [.. Enum.GetValues<NodeKind>().Select(kind => new KeyOrder(kind))];

    /// <summary>
    /// The ordinals of a page of <paramref name="kind"/>'s nodes, in ascending key order (UTF-8 byte order, as
    /// SQLite's BINARY collation sorts): a store's list of runs or datasets without a query. The first page of
    /// a kind sorts its keys once; later ones are a binary search and a walk. No lock after that first time.
    /// </summary>
    public IReadOnlyList<int> PageOrdinals(NodeKind kind, NodePageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var order = _orders[(int)kind];
        var snapshot = order.Current;
        if (snapshot is null)
        {
            _lock.EnterReadLock();
            try
            {
                snapshot = order.Build(_keys, _nodeCount);
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
        // Read after the snapshot: the key array then holds every key the snapshot names.
        return KeyOrder.Page(snapshot, Volatile.Read(ref _keys), request);
    }

    // Under the write lock, after nodes were added: pages see them from here on.
    private void PublishKeyOrders()
    {
        foreach (var order in _orders)
        {
            order.Publish(_keys);
        }
    }
}
