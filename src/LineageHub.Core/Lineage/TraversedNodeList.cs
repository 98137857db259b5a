using System.Collections;

namespace LineageHub.Core.Lineage;

/// <summary>
/// A traversal's nodes as ordinals in BFS order, turned into keys only when read: a closure of half a
/// million nodes costs one int array, and a caller that pages through it resolves only what it shows.
/// Depths come from the level boundaries. The key array is the index's, which only ever grows (a
/// resize copies), so the ordinals stay valid.
/// </summary>
internal sealed class TraversedNodeList(Domain.NodeKey[] keys, int[] ordinals, int count, int[] levelStarts) : IReadOnlyList<TraversedNode>
{
    public int Count => count;

    public TraversedNode this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)count, nameof(index));
            var depth = Array.BinarySearch(levelStarts, index);
            // An exact hit is the first node of that level; otherwise the level before the insertion point.
            depth = depth >= 0 ? LastLevelStartingAt(depth) : ~depth - 1;
            return new TraversedNode(keys[ordinals[index]], depth);
        }
    }

    public IEnumerator<TraversedNode> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Empty levels repeat a start (the last level's end is appended); the node belongs to the last of them.
    private int LastLevelStartingAt(int level)
    {
        while (level + 1 < levelStarts.Length && levelStarts[level + 1] == levelStarts[level])
        {
            level++;
        }
        return level;
    }
}
