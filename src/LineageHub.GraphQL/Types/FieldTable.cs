using System.Collections.Frozen;

namespace LineageHub.GraphQL.Types;

/// <summary>
/// Output fields by name, built once when the schema is built: every field of every request is looked up
/// here. Most types have a handful of fields, and a scan that compares references first beats hashing
/// there, because document names and schema names come from one name cache and are mostly the same
/// string instances. Larger types use a frozen map.
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
        var names = _names;
        for (var i = 0; i < names.Length; i++)
        {
            if (ReferenceEquals(names[i], name))
            {
                return _fields[i];
            }
        }
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return _fields[i];
            }
        }
        return null;
    }
}
