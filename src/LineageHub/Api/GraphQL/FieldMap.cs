using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace LineageHub.Api.GraphQL;

/// <summary>
/// A value GraphQL resolves over that answers its fields on demand: the engine's default resolver reads a
/// field through <see cref="TryGetValue"/>, so a value made only when selected costs nothing when it is not.
/// </summary>
internal abstract class FieldMap : IReadOnlyDictionary<string, object?>
{
    /// <summary>The fields this value answers.</summary>
    protected abstract IReadOnlyCollection<string> FieldNames { get; }

    public int Count => FieldNames.Count;

    public IEnumerable<string> Keys => FieldNames;

    public IEnumerable<object?> Values => FieldNames.Select(name => this[name]);

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => FieldNames.Contains(key);

    /// <summary>The value of the field <paramref name="key"/>; false when this value has no such field.</summary>
    public abstract bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        foreach (var name in FieldNames)
        {
            yield return new KeyValuePair<string, object?>(name, this[name]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
