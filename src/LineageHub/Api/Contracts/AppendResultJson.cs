using LineageHub.Core.Ledger;

namespace LineageHub.Api.Contracts;

/// <summary>What appending a change set did, and the signed head that includes it.</summary>
public sealed record AppendResultJson(bool Changed, long? Seq, long TreeSize, string Root, int NodesCreated, int NodesUnchanged, int EdgesCreated, int EdgesUnchanged, string Message)
{
    public static AppendResultJson From(AppendResult result) => new(
        result.Changed, result.Seq, result.Head.Size, result.Head.Root.ToString(),
        result.NodesCreated, result.NodesUnchanged, result.EdgesCreated, result.EdgesUnchanged, result.ToString());
}
