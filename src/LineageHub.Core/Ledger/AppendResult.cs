namespace LineageHub.Core.Ledger;

/// <summary>
/// The result of appending a change set: the ledger entry written (null when every fact was already
/// recorded, so nothing was written) and the tree head that includes it.
/// </summary>
public sealed record AppendResult(long? Seq, SignedTreeHead Head, int NodesCreated, int NodesUnchanged, int EdgesCreated, int EdgesUnchanged)
{
    public bool Changed => Seq is not null;

    public override string ToString() => Changed
        ? $"recorded as ledger entry {Seq}: {NodesCreated} nodes and {EdgesCreated} edges new, {NodesUnchanged + EdgesUnchanged} facts already recorded"
        : $"nothing changed: all {NodesUnchanged} nodes and {EdgesUnchanged} edges were already recorded";
}
