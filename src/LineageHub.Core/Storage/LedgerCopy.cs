using System.Globalization;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;

namespace LineageHub.Core.Storage;

/// <summary>
/// Copies one store into an empty other by replaying its ledger, entry by entry, each as a change set of
/// exactly the entry's facts. The target's clock must read each entry's time while it is appended
/// (<c>setTargetClock</c>), so every copied entry has the original's bytes, and the two
/// ledgers end at the same Merkle root — which the result reports, and which is what is compared: the
/// signed heads differ in their signatures (and, with another key, in the key that signs them).
/// </summary>
public static class LedgerCopy
{
    /// <summary>The sizes and roots both ledgers ended at.</summary>
    public sealed record Result(long SourceSize, Digest SourceRoot, long TargetSize, Digest TargetRoot)
    {
        public bool Same => SourceSize == TargetSize && SourceRoot == TargetRoot;
    }

    public static async Task<Result> CopyAsync(ILineageStore source, ILineageStore target, Action<DateTimeOffset> setTargetClock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(setTargetClock);
        var sourceHead = await source.GetTreeHeadAsync(cancellationToken).ConfigureAwait(false);
        var targetSize = (await target.GetTreeHeadAsync(cancellationToken).ConfigureAwait(false)).Size;
        if (targetSize != 0)
        {
            throw LineageHubException.Conflict($"the target store already has {targetSize} ledger entries; a copy fills an empty store only");
        }
        for (var seq = 0L; seq < sourceHead.Size; seq++)
        {
            var entry = await source.GetEntryAsync(seq, cancellationToken).ConfigureAwait(false);
            setTargetClock(entry.Time);
            var written = await target.AppendAsync(new ChangeSet(entry.Nodes, entry.Edges, entry.Actor), cancellationToken).ConfigureAwait(false);
            if (written.Seq != seq)
            {
                throw LineageHubException.Conflict($"ledger entry {seq} was written as {written.Seq?.ToString(CultureInfo.InvariantCulture) ?? "nothing"} in the target store; the copy stopped there");
            }
        }
        var targetHead = await target.GetTreeHeadAsync(cancellationToken).ConfigureAwait(false);
        return new Result(sourceHead.Size, sourceHead.Root, targetHead.Size, targetHead.Root);
    }
}
