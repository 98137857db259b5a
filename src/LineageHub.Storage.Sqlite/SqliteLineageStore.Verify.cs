using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Core.Merkle;

namespace LineageHub.Storage.Sqlite;

// Full re-verification: the log from its bytes, every signed head, and every projection row.
public sealed partial class SqliteLineageStore
{
    private const int MaxProblemsReported = 100;

    public async Task<LedgerVerificationReport> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var extra = 0;
        void Problem(string text)
        {
            if (problems.Count < MaxProblemsReported)
            {
                problems.Add(text);
            }
            else
            {
                extra++;
            }
        }

        await using var connection = OpenReader();
        // One read transaction: a consistent snapshot even while the writer goes on.
        await using var snapshot = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var tree = new MerkleTree();
        var nodeFacts = new Dictionary<NodeKey, (byte[] Properties, long Seq)>();
        var edgeFacts = new Dictionary<(EdgeKind, NodeKey, NodeKey), (byte[] Properties, long Seq)>();

        await using (var command = connection.CreateCommand())
        {
            command.Transaction = snapshot;
            command.CommandText = "SELECT seq, time, entry, leaf_hash FROM ledger_entries ORDER BY seq";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var seq = reader.GetInt64(0);
                var bytes = StoredBytes(reader, 2);
                var recomputed = MerkleHash.Leaf(bytes);
                if (seq != tree.Size)
                {
                    Problem($"ledger entry {seq} is out of sequence: expected entry {tree.Size}");
                }
                if (!recomputed.AsSpan().SequenceEqual(StoredBytes(reader, 3)))
                {
                    Problem($"ledger entry {seq}: its stored leaf hash is not the hash of its bytes (entry or hash edited)");
                }
                tree.AppendLeafHash(recomputed);
                try
                {
                    var entry = LedgerEntryCodec.Decode(bytes);
                    if (entry.Seq != seq || LedgerEntryCodec.FormatTime(entry.Time) != reader.GetString(1))
                    {
                        Problem($"ledger entry {seq}: its position or time column disagrees with its bytes");
                    }
                    foreach (var node in entry.Nodes)
                    {
                        nodeFacts[node.Key] = (node.Properties, seq);
                    }
                    foreach (var edge in entry.Edges)
                    {
                        edgeFacts[(edge.Kind, edge.From, edge.To)] = (edge.Properties, seq);
                    }
                }
                catch (LineageHubException ex)
                {
                    Problem($"ledger entry {seq}: {ex.Message}");
                }
            }
        }

        var heads = 0L;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = snapshot;
            command.CommandText = "SELECT size, root, time, signature, key_id FROM tree_heads ORDER BY size";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            SignedTreeHead? previous = null;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var head = ReadHead(reader);
                heads++;
                if (head.Size > tree.Size)
                {
                    Problem($"signed tree head at size {head.Size} is beyond the ledger's {tree.Size} entries (entries were deleted)");
                    continue;
                }
                if (!head.Root.Bytes.SequenceEqual(tree.RootAt(head.Size)))
                {
                    Problem($"signed tree head at size {head.Size}: the recomputed root differs (an entry at or below {head.Size - 1} was changed)");
                }
                if (head.KeyId != _signer.KeyId || !_signer.Verify(head))
                {
                    Problem($"signed tree head at size {head.Size}: the signature does not verify with this deployment's key");
                }
                if (previous is { Size: > 0 } && head.Size > previous.Size)
                {
                    var proof = tree.ConsistencyProof(previous.Size, head.Size);
                    var check = MerkleProofVerifier.VerifyConsistency((ulong)previous.Size, (ulong)head.Size, proof, previous.Root.Bytes, head.Root.Bytes);
                    if (!check.IsValid)
                    {
                        Problem($"signed tree heads {previous.Size} and {head.Size} are not consistent: {check.Failure}");
                    }
                }
                previous = head;
            }
            if (previous is null ? tree.Size > 0 : previous.Size != tree.Size)
            {
                Problem($"the ledger has {tree.Size} entries but the newest signed tree head covers {previous?.Size ?? 0}");
            }
        }

        var nodeCount = 0L;
        var keysById = new Dictionary<long, NodeKey>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = snapshot;
            command.CommandText = "SELECT kind, key, props, seq, id FROM nodes ORDER BY id";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                nodeCount++;
                NodeKey key;
                try
                {
                    key = ReadKey(reader, 0);
                }
                catch (LineageHubException ex)
                {
                    Problem($"nodes row id {reader.GetInt64(4)}: {ex.Message}");
                    continue;
                }
                keysById[reader.GetInt64(4)] = key;
                if (!nodeFacts.Remove(key, out var fact))
                {
                    Problem($"nodes row id {reader.GetInt64(4)} ({key}) is not recorded in the ledger");
                }
                else if (fact.Seq != reader.GetInt64(3) || !fact.Properties.AsSpan().SequenceEqual(StoredBytes(reader, 2)))
                {
                    Problem($"nodes row id {reader.GetInt64(4)} ({key}) differs from ledger entry {fact.Seq}");
                }
            }
        }
        foreach (var missing in nodeFacts.Keys.Take(MaxProblemsReported))
        {
            Problem($"node {missing} is in the ledger but missing from the nodes table");
        }

        var edgeCount = 0L;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = snapshot;
            command.CommandText = "SELECT kind, src, dst, props, seq, id FROM edges ORDER BY id";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                edgeCount++;
                var row = reader.GetInt64(5);
                if (!EdgeRules.TryParse(reader.GetString(0), out var kind) || !keysById.TryGetValue(reader.GetInt64(1), out var from) || !keysById.TryGetValue(reader.GetInt64(2), out var to))
                {
                    Problem($"edges row id {row} has an unknown kind or endpoint");
                    continue;
                }
                if (!edgeFacts.Remove((kind, from, to), out var fact))
                {
                    Problem($"edges row id {row} ({EdgeRules.Name(kind)} {from} → {to}) is not recorded in the ledger");
                }
                else if (fact.Seq != reader.GetInt64(4) || !fact.Properties.AsSpan().SequenceEqual(StoredBytes(reader, 3)))
                {
                    Problem($"edges row id {row} ({EdgeRules.Name(kind)} {from} → {to}) differs from ledger entry {fact.Seq}");
                }
            }
        }
        foreach (var (kind, from, to) in edgeFacts.Keys.Take(MaxProblemsReported))
        {
            Problem($"edge {EdgeRules.Name(kind)} {from} → {to} is in the ledger but missing from the edges table");
        }
        if (extra > 0)
        {
            problems.Add($"… and {extra} more problems");
        }
        return new LedgerVerificationReport(tree.Size, heads, nodeCount, edgeCount, problems);
    }

    // A column edited by hand may no longer hold a blob (an UPDATE with replace() leaves text, a cleared one
    // NULL): its bytes are compared all the same, so the row is reported rather than the check crashing.
    private static byte[] StoredBytes(Microsoft.Data.Sqlite.SqliteDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        byte[] bytes => bytes,
        string text => System.Text.Encoding.UTF8.GetBytes(text),
        DBNull => [],
        var other => System.Text.Encoding.UTF8.GetBytes(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
    };
}
