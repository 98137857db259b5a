using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace LineageHub.GraphQL.Execution;

/// <summary>
/// An ordered result object: keys in selection order (spec 6.3 "ordered map"). Two parallel arrays keep
/// it compact; lookups are linear, which beats hashing at the sizes selection sets have.
/// </summary>
public sealed class ResultMap : IReadOnlyDictionary<string, object?>
{
    private readonly string[] _keys;
    private readonly object?[] _values;

    internal ResultMap(string[] keys, object?[] values, JsonEncodedText[]? encodedKeys = null)
    {
        _keys = keys;
        _values = values;
        EncodedKeys = encodedKeys;
    }

    /// <summary>The keys pre-encoded for JSON, shared by every object of one selection set.</summary>
    internal JsonEncodedText[]? EncodedKeys { get; }

    internal string[] KeyArray => _keys;

    internal object?[] ValueArray => _values;

    public int Count => _keys.Length;

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<object?> Values => _values;

    public object? this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => Array.IndexOf(_keys, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var i = Array.IndexOf(_keys, key);
        value = i >= 0 ? _values[i] : null;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return new KeyValuePair<string, object?>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
