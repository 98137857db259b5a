using LineageHub.Core;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;

namespace LineageHub.Storage.Sqlite;

// The ledger's read side: heads, entries and proofs.
public sealed partial class SqliteLineageStore
{
    public Task<SignedTreeHead> GetTreeHeadAsync(CancellationToken cancellationToken = default) => Task.FromResult(CurrentHead());

    public async Task<LedgerEntry> GetEntryAsync(long seq, CancellationToken cancellationToken = default)
    {
        var size = CurrentHead().Size;
        if (seq < 0 || seq >= size)
        {
            throw LineageHubException.NotFound(SqliteMessages.NoEntry(seq, size));
        }
        using var session = _readers.Rent();
        var command = session.Command("SELECT entry FROM ledger_entries WHERE seq = $seq");
        command.Parameters.AddWithValue("$seq", seq);
        var bytes = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[]
            ?? throw LineageHubException.Corrupt($"ledger entry {seq} is missing from the database");
        var entry = LedgerEntryCodec.Decode(bytes);
        if (entry.Seq != seq || !entry.Bytes.AsSpan().SequenceEqual(bytes))
        {
            throw LineageHubException.Corrupt($"stored ledger entry {seq} is not in canonical form or names another position");
        }
        return entry;
    }

    public Task<InclusionProof> ProveInclusionAsync(long seq, long? treeSize = null, CancellationToken cancellationToken = default)
    {
        var head = CurrentHead();
        var size = treeSize ?? head.Size;
        if (size > head.Size || size < 1)
        {
            throw LineageHubException.NotFound($"no signed tree of size {size}: the ledger has {head.Size} entries");
        }
        if (seq < 0 || seq >= size)
        {
            throw LineageHubException.NotFound(SqliteMessages.NoEntry(seq, size));
        }
        lock (_treeLock)
        {
            return Task.FromResult(new InclusionProof(
                seq, size, Digest.FromBytes(_tree.LeafHash(seq)), Digest.FromBytes(_tree.RootAt(size)),
                [.. _tree.InclusionProof(seq, size).Select(h => Digest.FromBytes(h))]));
        }
    }

    public Task<ConsistencyProof> ProveConsistencyAsync(long fromSize, long toSize, CancellationToken cancellationToken = default)
    {
        var head = CurrentHead();
        if (fromSize < 1 || fromSize > toSize || toSize > head.Size)
        {
            throw LineageHubException.InvalidInput($"a consistency proof needs 1 ≤ from ≤ to ≤ {head.Size} (the ledger's size), got from {fromSize} to {toSize}");
        }
        lock (_treeLock)
        {
            return Task.FromResult(new ConsistencyProof(
                fromSize, toSize, Digest.FromBytes(_tree.RootAt(fromSize)), Digest.FromBytes(_tree.RootAt(toSize)),
                [.. _tree.ConsistencyProof(fromSize, toSize).Select(h => Digest.FromBytes(h))]));
        }
    }

    private SignedTreeHead CurrentHead()
    {
        lock (_treeLock)
        {
            return _head;
        }
    }
}
