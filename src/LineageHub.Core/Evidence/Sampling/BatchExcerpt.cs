using LineageHub.Core.Hashing;

namespace LineageHub.Core.Evidence.Sampling;

/// <summary>
/// A subject's part of one consent batch of <see cref="Records"/> records: its records (<see
/// cref="Matching"/>, adjacent leaves) and the leaves just before and after them, whose subjects differ.
/// Because a batch is sorted by subject, that shows the batch holds no other record of the subject — a
/// withheld withdrawal would have to sit between them. A neighbour is absent only at the batch's edge.
/// </summary>
public sealed record BatchExcerpt(Digest Root, long Records, BatchLeaf? Before, IReadOnlyList<BatchLeaf> Matching, BatchLeaf? After);
