namespace LineageHub.GraphQL.Validation.Rules;

internal sealed partial class FieldSelectionMergingRule
{
    /// <summary>The fields of one collected selection set on the arena: <c>[Start, End)</c>.</summary>
    private readonly record struct Segment(int Start, int End);

    /// <summary>
    /// A stack of collected fields. Each comparison pushes the selection sets it needs as segments and
    /// pops them when done, so one array serves every level of a recursive comparison. Segments are
    /// addressed by index because pushing may move the array.
    /// </summary>
    private sealed class FieldArena
    {
        // Above this many fields a segment is grouped and searched through a map, not by pairwise scans.
        private const int ScanLimit = 16;

        private readonly Dictionary<string, int> _groupOf = new(StringComparer.Ordinal);
        private FieldInfo[] _fields = new FieldInfo[64];
        private FieldInfo[] _sorted = [];
        private int[] _groupIndex = [];
        private int[] _groupNext = [];

        public int Top { get; set; }

        public FieldInfo this[int index]
        {
            get => _fields[index];
            set => _fields[index] = value;
        }

        public void Push(FieldInfo field)
        {
            if (Top == _fields.Length)
            {
                Array.Resize(ref _fields, _fields.Length * 2);
            }
            _fields[Top++] = field;
        }

        /// <summary>Where the group starting at <paramref name="group"/> ends: its fields share one response name.</summary>
        public int GroupEnd(int group, int end)
        {
            var key = _fields[group].Node.ResponseKey;
            var next = group + 1;
            while (next < end && _fields[next].Node.ResponseKey == key)
            {
                next++;
            }
            return next;
        }

        /// <summary>The first field of the segment answering to <paramref name="responseName"/>, or -1.</summary>
        public int FindGroup(int start, int end, string responseName, Dictionary<string, int>? index)
        {
            if (index is not null)
            {
                return index.TryGetValue(responseName, out var found) ? found : -1;
            }
            for (var i = start; i < end; i++)
            {
                if (_fields[i].Node.ResponseKey == responseName)
                {
                    return i;
                }
            }
            return -1;
        }

        /// <summary>A map from response name to group start, for segments too long to scan per look-up; null for short ones.</summary>
        public Dictionary<string, int>? IndexGroups(int start, int end)
        {
            if (end - start <= ScanLimit)
            {
                return null;
            }
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = start; i < end; i = GroupEnd(i, end))
            {
                index[_fields[i].Node.ResponseKey] = i;
            }
            return index;
        }

        /// <summary>
        /// Reorders <c>[start, end)</c> so fields sharing a response name are adjacent. Stable, and groups come
        /// in order of first occurrence, so conflicts are reported in document order as graphql-js reports them.
        /// </summary>
        public void GroupByResponseName(int start, int end)
        {
            if (end - start <= ScanLimit)
            {
                GroupByScanning(start, end);
            }
            else
            {
                GroupByCounting(start, end);
            }
        }

        // Pulls each later member of a group back to the end of the group's run; nothing moves when
        // every name is distinct, the common case.
        private void GroupByScanning(int start, int end)
        {
            for (var group = start; group < end;)
            {
                var key = _fields[group].Node.ResponseKey;
                var runEnd = group + 1;
                for (var j = runEnd; j < end; j++)
                {
                    if (_fields[j].Node.ResponseKey != key)
                    {
                        continue;
                    }
                    if (j > runEnd)
                    {
                        var member = _fields[j];
                        for (var k = j; k > runEnd; k--)
                        {
                            _fields[k] = _fields[k - 1];
                        }
                        _fields[runEnd] = member;
                    }
                    runEnd++;
                }
                group = runEnd;
            }
        }

        // A stable counting sort by group number, groups numbered in order of first occurrence.
        private void GroupByCounting(int start, int end)
        {
            var count = end - start;
            if (_groupIndex.Length < count)
            {
                _groupIndex = new int[Math.Max(count, _groupIndex.Length * 2)];
            }
            _groupOf.Clear();
            var groups = 0;
            for (var i = 0; i < count; i++)
            {
                var key = _fields[start + i].Node.ResponseKey;
                if (!_groupOf.TryGetValue(key, out var group))
                {
                    _groupOf[key] = group = groups++;
                }
                _groupIndex[i] = group;
            }
            if (groups == count)
            {
                return;
            }
            if (_groupNext.Length < groups + 1)
            {
                _groupNext = new int[Math.Max(groups + 1, _groupNext.Length * 2)];
            }
            if (_sorted.Length < count)
            {
                _sorted = new FieldInfo[Math.Max(count, _sorted.Length * 2)];
            }
            var next = _groupNext.AsSpan(0, groups + 1);
            next.Clear();
            for (var i = 0; i < count; i++)
            {
                next[_groupIndex[i] + 1]++;
            }
            for (var g = 0; g < groups; g++)
            {
                next[g + 1] += next[g];
            }
            for (var i = 0; i < count; i++)
            {
                _sorted[next[_groupIndex[i]]++] = _fields[start + i];
            }
            Array.Copy(_sorted, 0, _fields, start, count);
            // Dropped references would keep the previous document's nodes alive.
            Array.Clear(_sorted, 0, count);
        }
    }
}
