using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LineageHub.GraphQL.Language;

/// <summary>
/// One stack shared by every nesting level of a parse: a list production pushes its items and, when
/// it closes, pops them into an exactly sized array. Nested lists push above their parent's items, so
/// one buffer serves the whole document and no per-list builder grows and copies itself.
/// </summary>
internal sealed class NodeStack<T>
    where T : class
{
    private T[] _items = new T[32];

    public int Count { get; private set; }

    public void Push(T item)
    {
        var count = Count;
        if ((uint)count >= (uint)_items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }
        // Stored through a reference rather than an indexer: T is an abstract node type, and an indexed
        // store into a T[] pays a covariance check per node. The array is created here as exactly T[]
        // and the index was checked above, so the store is safe.
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_items), count) = item;
        Count = count + 1;
    }

    /// <summary>The items pushed since the stack held <paramref name="first"/> items, removed from the stack.</summary>
    public T[] PopFrom(int first)
    {
        // Not cleared: the stack lives as long as one parse, whose nodes all end up in the document anyway.
        var result = _items.AsSpan(first, Count - first).ToArray();
        Count = first;
        return result;
    }
}
