using System.Text;
using LineageHub.Core;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;
using LineageHub.Storage.Neo4j.Cypher;

namespace LineageHub.Storage.Neo4j;

// The ledger's read side: heads, entries and proofs (proofs from the in-memory tree, caught up first).
public sealed partial class Neo4jLineageStore
{
    public Task<SignedTreeHead> GetTreeHeadAsync(CancellationToken cancellationToken = default) => CurrentHeadAsync(cancellationToken);

    public async Task<LedgerEntry> GetEntryAsync(long seq, CancellationToken cancellationToken = default)
    {
        var size = (await CurrentHeadAsync(cancellationToken).ConfigureAwait(false)).Size;
        if (seq < 0 || seq >= size)
        {
            throw LineageHubException.NotFound(Neo4jMessages.NoEntry(seq, size));
        }
        return await Guard(async () =>
        {
            var rows = await _client.RunAsync(CypherCatalog.Get("ledger_entry"), new Dictionary<string, object?> { ["seq"] = seq }, cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0 || rows.String(0, "entry") is not { } text)
            {
                throw LineageHubException.Corrupt($"ledger entry {seq} is missing from Neo4j");
            }
            var bytes = Encoding.UTF8.GetBytes(text);
            var entry = LedgerEntryCodec.Decode(bytes);
            byte[] leaf;
            lock (_treeLock)
            {
                leaf = _tree.LeafHash(seq);
            }
            if (entry.Seq != seq || !entry.Bytes.AsSpan().SequenceEqual(bytes) || !entry.LeafHash().AsSpan().SequenceEqual(leaf))
            {
                throw LineageHubException.Corrupt($"stored ledger entry {seq} is not in canonical form, names another position, or does not hash to its leaf");
            }
            return entry;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<InclusionProof> ProveInclusionAsync(long seq, long? treeSize = null, CancellationToken cancellationToken = default)
    {
        var head = await CurrentHeadAsync(cancellationToken).ConfigureAwait(false);
        var size = treeSize ?? head.Size;
        if (size > head.Size || size < 1)
        {
            throw LineageHubException.NotFound($"no signed tree of size {size}: the ledger has {head.Size} entries");
        }
        if (seq < 0 || seq >= size)
        {
            throw LineageHubException.NotFound(Neo4jMessages.NoEntry(seq, size));
        }
        lock (_treeLock)
        {
            return new InclusionProof(
                seq, size, Digest.FromBytes(_tree.LeafHash(seq)), Digest.FromBytes(_tree.RootAt(size)),
                [.. _tree.InclusionProof(seq, size).Select(h => Digest.FromBytes(h))]);
        }
    }

    public async Task<ConsistencyProof> ProveConsistencyAsync(long fromSize, long toSize, CancellationToken cancellationToken = default)
    {
        var head = await CurrentHeadAsync(cancellationToken).ConfigureAwait(false);
        if (fromSize < 1 || fromSize > toSize || toSize > head.Size)
        {
            throw LineageHubException.InvalidInput($"a consistency proof needs 1 ≤ from ≤ to ≤ {head.Size} (the ledger's size), got from {fromSize} to {toSize}");
        }
        lock (_treeLock)
        {
            return new ConsistencyProof(
                fromSize, toSize, Digest.FromBytes(_tree.RootAt(fromSize)), Digest.FromBytes(_tree.RootAt(toSize)),
                [.. _tree.ConsistencyProof(fromSize, toSize).Select(h => Digest.FromBytes(h))]);
        }
    }
}
