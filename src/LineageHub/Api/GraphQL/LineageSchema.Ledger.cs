using System.Text;
using LineageHub.Core;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;
using LineageHub.Core.Storage;
using LineageHub.GraphQL.Types;

namespace LineageHub.Api.GraphQL;

// The ledger: the signed head, entries and RFC 9162 proofs, as the REST API serves them.
public static partial class LineageSchema
{
    private static void BindLedger(Schema schema, ILineageStore store)
    {
        schema.Resolve("Ledger", "head", async ctx =>
        {
            var head = await store.GetTreeHeadAsync(ctx.CancellationToken);
            return new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["size"] = checked((int)head.Size),
                ["root"] = head.Root,
                ["time"] = head.Time,
                ["signedBytes"] = Encoding.UTF8.GetString(head.SignedBytes),
                ["signature"] = Convert.ToBase64String(head.Signature),
                ["keyId"] = head.KeyId,
                ["publicKey"] = store.SigningPublicKeyPem,
            };
        });
        schema.Resolve("Ledger", "entry", async ctx =>
        {
            try
            {
                return Entry(await store.GetEntryAsync(ctx.GetArgument<int>("seq"), ctx.CancellationToken));
            }
            catch (LineageHubException ex) when (ex.Code == ErrorCode.NotFound)
            {
                return null;
            }
        });
        schema.Resolve("Ledger", "inclusionProof", async ctx =>
        {
            var seq = ctx.GetArgument<int>("seq");
            var proof = await store.ProveInclusionAsync(seq, ctx.GetArgument<int?>("treeSize"), ctx.CancellationToken);
            return new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["seq"] = checked((int)proof.Seq),
                ["treeSize"] = checked((int)proof.TreeSize),
                ["leafHash"] = proof.LeafHash,
                ["root"] = proof.Root,
                ["path"] = proof.Path.Cast<object?>().ToList(),
                ["entry"] = Entry(await store.GetEntryAsync(seq, ctx.CancellationToken)),
            };
        });
        schema.Resolve("Ledger", "consistencyProof", async ctx =>
        {
            var proof = await store.ProveConsistencyAsync(ctx.GetArgument<int>("from"), ctx.GetArgument<int>("to"), ctx.CancellationToken);
            return new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["fromSize"] = checked((int)proof.FromSize),
                ["toSize"] = checked((int)proof.ToSize),
                ["fromRoot"] = proof.FromRoot,
                ["toRoot"] = proof.ToRoot,
                ["path"] = proof.Path.Cast<object?>().ToList(),
            };
        });
    }

    private static Dictionary<string, object?> Entry(LedgerEntry entry) => new(StringComparer.Ordinal)
    {
        ["seq"] = checked((int)entry.Seq),
        ["time"] = entry.Time,
        ["actor"] = entry.Actor,
        ["bytes"] = Convert.ToBase64String(entry.Bytes),
        ["leafHash"] = Digest.FromBytes(entry.LeafHash()),
        ["nodes"] = entry.Nodes.Select(n => (object?)n.Key.ToString()).ToList(),
        ["edges"] = entry.Edges.Select(e => (object?)Edge(e.Kind, e.From, e.To)).ToList(),
    };
}
