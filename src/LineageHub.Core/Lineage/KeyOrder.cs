using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage;

/// <summary>
/// The ordinals of one node kind's keys in key order, so a page of runs or datasets is a binary search and
/// a walk in memory rather than a query. Keys compare as their UTF-8 bytes do (SQLite's BINARY collation,
/// so the order a cursor names is the order the store always had). Read without a lock: readers take the
/// current snapshot, which is never changed once published. New keys gather in a small sorted array
/// beside the main one and are folded into it when there are many, so one commit costs a short merge, not
/// a copy of the whole kind.
/// </summary>
internal sealed class KeyOrder
{
    // New keys held beside the main array before a fold copies the whole kind once.
    private const int MaxRecent = 4096;

    private readonly NodeKind _kind;
    private readonly Lock _buildLock = new();
    private volatile Snapshot? _snapshot;
    private List<int>? _pending;

    public KeyOrder(NodeKind kind) => _kind = kind;

    /// <summary>Notes a new node of this kind; it is visible to pages after <see cref="Publish"/>. Called under the index's write lock.</summary>
    public void Add(int ordinal)
    {
        // Until the first page is asked for there is nothing to keep up to date: the build reads every key.
        if (_snapshot is not null)
        {
            (_pending ??= []).Add(ordinal);
        }
    }

    /// <summary>Makes the keys added since the last call visible. Called under the index's write lock.</summary>
    public void Publish(NodeKey[] keys)
    {
        if (_pending is not { Count: > 0 } pending || _snapshot is not { } current)
        {
            return;
        }
        var added = pending.ToArray();
        _pending = null;
        Array.Sort(added, (a, b) => Compare(keys[a].Key, keys[b].Key));
        var recent = Merge(keys, current.Recent, added);
        _snapshot = recent.Length > MaxRecent ? new Snapshot(Merge(keys, current.Main, recent), []) : new Snapshot(current.Main, recent);
    }

    /// <summary>The order as it stands, or null before the first page was asked for.</summary>
    public Snapshot? Current => _snapshot;

    /// <summary>
    /// The first pass over every key: this kind's ordinals, sorted. The caller holds the index's lock, so no
    /// key is added meanwhile; once this returns, additions are noted, since a snapshot exists.
    /// </summary>
    public Snapshot Build(NodeKey[] keys, int count)
    {
        lock (_buildLock)
        {
            if (_snapshot is { } built)
            {
                return built;
            }
            var ordinals = new List<int>();
            for (var i = 0; i < count; i++)
            {
                if (keys[i].Kind == _kind)
                {
                    ordinals.Add(i);
                }
            }
            var main = ordinals.ToArray();
            Array.Sort(main, (a, b) => Compare(keys[a].Key, keys[b].Key));
            return _snapshot = new Snapshot(main, []);
        }
    }

    /// <summary>
    /// The ordinals of the page <paramref name="request"/> asks for, in ascending key order. <paramref name="keys"/>
    /// must have been read after <paramref name="snapshot"/> was, so it holds every key the snapshot names.
    /// </summary>
    public static List<int> Page(Snapshot snapshot, NodeKey[] keys, Storage.NodePageRequest request)
    {
        var prefix = request.KeyPrefix ?? "";
        // Names are matched in their stored form, so the text is escaped as a key part is.
        var text = request.NameContains?.Replace("%", "%25", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal);
        var (mainFrom, mainTo) = Range(keys, snapshot.Main, prefix, request.AfterKey, request.BeforeKey);
        var (recentFrom, recentTo) = Range(keys, snapshot.Recent, prefix, request.AfterKey, request.BeforeKey);
        var page = new List<int>(Math.Min(request.Limit, mainTo - mainFrom + recentTo - recentFrom));
        if (!request.Backward)
        {
            while (page.Count < request.Limit && (mainFrom < mainTo || recentFrom < recentTo))
            {
                var fromMain = recentFrom == recentTo || (mainFrom < mainTo && Compare(keys[snapshot.Main[mainFrom]].Key, keys[snapshot.Recent[recentFrom]].Key) < 0);
                var ordinal = fromMain ? snapshot.Main[mainFrom++] : snapshot.Recent[recentFrom++];
                if (text is null || NameContains(keys[ordinal].Key, text))
                {
                    page.Add(ordinal);
                }
            }
            return page;
        }
        while (page.Count < request.Limit && (mainFrom < mainTo || recentFrom < recentTo))
        {
            var fromMain = recentFrom == recentTo || (mainFrom < mainTo && Compare(keys[snapshot.Main[mainTo - 1]].Key, keys[snapshot.Recent[recentTo - 1]].Key) > 0);
            var ordinal = fromMain ? snapshot.Main[--mainTo] : snapshot.Recent[--recentTo];
            if (text is null || NameContains(keys[ordinal].Key, text))
            {
                page.Add(ordinal);
            }
        }
        page.Reverse();
        return page;
    }

    /// <summary>Compares two keys as their UTF-8 encodings compare, byte by byte.</summary>
    public static int Compare(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        var at = a.AsSpan(0, length).CommonPrefixLength(b.AsSpan(0, length));
        if (at == length)
        {
            return a.Length.CompareTo(b.Length);
        }
        // UTF-16 order differs from code point (and so UTF-8) order only in that surrogates, which encode
        // code points above U+FFFF, sort below U+E000..U+FFFF: lift them above before comparing.
        return Lift(a[at]).CompareTo(Lift(b[at]));

        static int Lift(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;
    }

    // The slice of sorted that lies within the prefix and strictly between the cursors.
    private static (int From, int To) Range(NodeKey[] keys, int[] sorted, string prefix, string? after, string? before)
    {
        var from = FirstWhere(keys, sorted, k => Compare(k, prefix) >= 0);
        if (after is not null)
        {
            from = Math.Max(from, FirstWhere(keys, sorted, k => Compare(k, after) > 0));
        }
        // Keys with the prefix are contiguous: the range ends at the first key past them.
        var to = FirstWhere(keys, sorted, k => Compare(k, prefix) > 0 && !k.StartsWith(prefix, StringComparison.Ordinal));
        if (before is not null)
        {
            to = Math.Min(to, FirstWhere(keys, sorted, k => Compare(k, before) >= 0));
        }
        return (from, Math.Max(from, to));
    }

    // Binary search for the first position whose key satisfies a predicate that is false, then true, along the order.
    private static int FirstWhere(NodeKey[] keys, int[] sorted, Func<string, bool> predicate)
    {
        var (low, high) = (0, sorted.Length);
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (predicate(keys[sorted[middle]].Key))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }
        return low;
    }

    private static int[] Merge(NodeKey[] keys, int[] left, int[] right)
    {
        if (right.Length == 0)
        {
            return left;
        }
        var merged = new int[left.Length + right.Length];
        int l = 0, r = 0, m = 0;
        while (l < left.Length && r < right.Length)
        {
            merged[m++] = Compare(keys[left[l]].Key, keys[right[r]].Key) <= 0 ? left[l++] : right[r++];
        }
        left.AsSpan(l).CopyTo(merged.AsSpan(m));
        right.AsSpan(r).CopyTo(merged.AsSpan(m + left.Length - l));
        return merged;
    }

    // The name is the key after its first part, or the whole key when it has one; matched ignoring ASCII
    // case only, as the store's contract (and SQLite's lower()) has it.
    private static bool NameContains(string key, string text)
    {
        var bar = key.IndexOf('|');
        var name = bar < 0 ? key.AsSpan() : key.AsSpan(bar + 1);
        for (var start = 0; start + text.Length <= name.Length; start++)
        {
            if (AsciiEqualIgnoringCase(name.Slice(start, text.Length), text))
            {
                return true;
            }
        }
        return false;
    }

    private static bool AsciiEqualIgnoringCase(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && (AsciiLower(a[i]) != AsciiLower(b[i])))
            {
                return false;
            }
        }
        return true;

        static char AsciiLower(char c) => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
    }

    /// <summary>One published state of the order: the main sorted array and the recent additions, sorted too.</summary>
    internal sealed record Snapshot(int[] Main, int[] Recent);
}
