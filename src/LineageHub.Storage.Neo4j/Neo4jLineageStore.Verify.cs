using System.Text;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;
using LineageHub.Core.Merkle;
using LineageHub.Storage.Neo4j.Cypher;

namespace LineageHub.Storage.Neo4j;

// Full re-verification: the log from its bytes, every signed head, and every projected node and edge.
// Read page by page, not in one snapshot: nodes and edges of entries appended after the log was read
// (by this or another server) are skipped; a head signed meanwhile is reported as beyond the log, so
// run it when writers are quiet, as an audit does.
public sealed partial class Neo4jLineageStore
{
    private const int MaxProblemsReported = 100;
    private const int VerifyPage = 5_000;

    public Task<LedgerVerificationReport> VerifyAsync(CancellationToken cancellationToken = default) => Guard(async () =>
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

        var tree = new MerkleTree();
        var nodeFacts = new Dictionary<NodeKey, (byte[] Properties, long Seq)>();
        var edgeFacts = new Dictionary<string, (byte[] Properties, long Seq)>(StringComparer.Ordinal);
        for (var from = 0L; ;)
        {
            var rows = await _client.RunAsync(CypherCatalog.Get("verify_entries"), new Dictionary<string, object?> { ["from"] = from, ["limit"] = VerifyPage }, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < rows.Count; i++)
            {
                var seq = rows.Int64(i, "seq");
                var bytes = Encoding.UTF8.GetBytes(rows.String(i, "entry") ?? "");
                var recomputed = MerkleHash.Leaf(bytes);
                if (seq != tree.Size)
                {
                    Problem($"ledger entry {seq} is out of sequence: expected entry {tree.Size}");
                }
                if (!Digest.TryParse(rows.String(i, "leafHash"), out var stored) || !stored.Bytes.SequenceEqual(recomputed))
                {
                    Problem($"ledger entry {seq}: its stored leaf hash is not the hash of its bytes (entry or hash edited)");
                }
                tree.AppendLeafHash(recomputed);
                try
                {
                    var entry = LedgerEntryCodec.Decode(bytes);
                    if (entry.Seq != seq || LedgerEntryCodec.FormatTime(entry.Time) != rows.String(i, "time"))
                    {
                        Problem($"ledger entry {seq}: its position or time property disagrees with its bytes");
                    }
                    foreach (var node in entry.Nodes)
                    {
                        nodeFacts[node.Key] = (node.Properties, seq);
                    }
                    foreach (var edge in entry.Edges)
                    {
                        edgeFacts[EdgeId(edge.Kind, edge.From, edge.To)] = (edge.Properties, seq);
                    }
                }
                catch (LineageHubException ex)
                {
                    Problem($"ledger entry {seq}: {ex.Message}");
                }
                from = seq + 1;
            }
            if (rows.Count < VerifyPage)
            {
                break;
            }
        }

        var heads = 0L;
        SignedTreeHead? previous = null;
        for (var after = -1L; ;)
        {
            var rows = await _client.RunAsync(CypherCatalog.Get("verify_heads"), new Dictionary<string, object?> { ["after"] = after, ["limit"] = VerifyPage }, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < rows.Count; i++)
            {
                var head = ReadHead(rows, i);
                after = head.Size;
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
            if (rows.Count < VerifyPage)
            {
                break;
            }
        }
        if (previous is null ? tree.Size > 0 : previous.Size != tree.Size)
        {
            Problem($"the ledger has {tree.Size} entries but the newest signed tree head covers {previous?.Size ?? 0}");
        }

        var nodeCount = 0L;
        for (var after = ""; ;)
        {
            var rows = await _client.RunAsync(CypherCatalog.Get("verify_nodes"), new Dictionary<string, object?> { ["after"] = after, ["limit"] = VerifyPage }, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < rows.Count; i++)
            {
                var id = rows.String(i, "id") ?? "";
                after = id;
                if (rows.Int64(i, "seq") >= tree.Size)
                {
                    continue;
                }
                nodeCount++;
                if (!NodeKey.TryParse(id, out var key) || NodeKinds.Name(key.Kind) != rows.String(i, "kind") || key.Key != rows.String(i, "key"))
                {
                    Problem($"node {id}: its id, kind and key properties disagree");
                    continue;
                }
                if (!nodeFacts.Remove(key, out var fact))
                {
                    Problem($"node {id} is not recorded in the ledger");
                }
                else if (fact.Seq != rows.Int64(i, "seq") || !fact.Properties.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(rows.String(i, "props") ?? "")))
                {
                    Problem($"node {id} differs from ledger entry {fact.Seq}");
                }
            }
            if (rows.Count < VerifyPage)
            {
                break;
            }
        }
        foreach (var missing in nodeFacts.Keys.Take(MaxProblemsReported))
        {
            Problem($"node {missing} is in the ledger but missing from Neo4j's nodes");
        }

        var edgeCount = 0L;
        for (var after = ""; ;)
        {
            var rows = await _client.RunAsync(CypherCatalog.Get("verify_edges"), new Dictionary<string, object?> { ["after"] = after, ["limit"] = VerifyPage }, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < rows.Count; i++)
            {
                var id = rows.String(i, "id") ?? "";
                after = id;
                if (rows.Int64(i, "seq") >= tree.Size)
                {
                    continue;
                }
                edgeCount++;
                if (!EdgeRules.TryParse(rows.String(i, "kind") ?? "", out var kind) || !NodeKey.TryParse(rows.String(i, "source"), out var from) || !NodeKey.TryParse(rows.String(i, "target"), out var to)
                    || EdgeId(kind, from, to) != id)
                {
                    Problem($"edge {id}: its id disagrees with its kind or endpoints");
                    continue;
                }
                if (!edgeFacts.Remove(id, out var fact))
                {
                    Problem($"edge {EdgeRules.Name(kind)} {from} → {to} is not recorded in the ledger");
                }
                else if (fact.Seq != rows.Int64(i, "seq") || !fact.Properties.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(rows.String(i, "props") ?? "")))
                {
                    Problem($"edge {EdgeRules.Name(kind)} {from} → {to} differs from ledger entry {fact.Seq}");
                }
            }
            if (rows.Count < VerifyPage)
            {
                break;
            }
        }
        foreach (var missing in edgeFacts.Keys.Take(MaxProblemsReported))
        {
            Problem($"edge {missing} is in the ledger but missing from Neo4j's edges");
        }
        if (extra > 0)
        {
            problems.Add($"… and {extra} more problems");
        }
        return new LedgerVerificationReport(tree.Size, heads, nodeCount, edgeCount, problems);
    }, cancellationToken);
}
