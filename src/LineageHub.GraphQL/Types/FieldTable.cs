using System.Collections.Frozen;
using LineageHub.GraphQL.Language;

namespace LineageHub.GraphQL.Types;

/// <summary>
/// Output fields by name, built once when the schema is built: every field of every request is looked up
/// here. Most types have a handful of fields, scanned (<see cref="NameCache.IndexOf"/>); larger types use
/// a frozen map.
/// </summary>
internal sealed class FieldTable
{
    private const int ScanLimit = 8;

    private readonly string[] _names;
    private readonly FieldDefinition[] _fields;
    private readonly FrozenDictionary<string, FieldDefinition>? _map;

    public FieldTable(IReadOnlyDictionary<string, FieldDefinition> fields)
    {
        _names = [.. fields.Keys];
        _fields = [.. fields.Values];
        if (_names.Length > ScanLimit)
        {
            _map = fields.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }

    public FieldDefinition? Get(string name)
    {
        if (_map is not null)
        {
            return _map.GetValueOrDefault(name);
        }
        var index = NameCache.IndexOf(_names, name);
        return index < 0 ? null : _fields[index];
    }
}
