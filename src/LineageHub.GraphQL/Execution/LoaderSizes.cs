using System.Collections.Concurrent;

namespace LineageHub.GraphQL.Execution;

/// <summary>
/// How many keys each named DataLoader took the last time one document ran. The next run of that document
/// sizes its loaders for that many keys from the start: a loader filled key by key from empty doubles its
/// tables all the way up, allocating about twice what it ends up holding, on every request.
/// </summary>
internal sealed class LoaderSizes
{
    // A hint, not a promise (more keys still fit): bounded so that no run allocates more up front than this.
    private const int MaxRemembered = 1 << 16;

    private readonly ConcurrentDictionary<string, int> _keys = new(StringComparer.Ordinal);

    public int For(string loader) => _keys.TryGetValue(loader, out var keys) ? keys : 0;

    public void Remember(string loader, int keys)
    {
        keys = Math.Min(keys, MaxRemembered);
        // Most runs of a document take as many keys as the last: no write, so no contention between them.
        if (!_keys.TryGetValue(loader, out var known) || known != keys)
        {
            _keys[loader] = keys;
        }
    }
}
