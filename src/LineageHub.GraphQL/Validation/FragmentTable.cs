using System.Diagnostics.CodeAnalysis;
using LineageHub.GraphQL.Language;
using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Validation;

/// <summary>
/// The document's fragments by name, looked up several times per spread. Documents define a handful,
/// scanned (<see cref="NameCache.IndexOf"/>) rather than hashed; many fragments get a dictionary. Not the
/// frozen map of <see cref="Types.FieldTable"/>: this table lives for one validation, too short to repay building one.
/// </summary>
internal sealed class FragmentTable
{
    private const int ScanLimit = 16;

    private readonly string[] _names;
    private readonly KnownFragment[] _fragments;
    private readonly Dictionary<string, KnownFragment>? _map;

    /// <summary>Every fragment definition of <paramref name="document"/>; the first wins when a name repeats (another rule's error).</summary>
    public FragmentTable(Schema schema, DocumentNode document)
    {
        var names = new List<string>();
        var fragments = new List<KnownFragment>();
        HashSet<string>? seen = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not FragmentDefinitionNode f)
            {
                continue;
            }
            // Repeats are found by a scan while there are few names, by a set once there are many.
            if (names.Count >= ScanLimit)
            {
                seen ??= new HashSet<string>(names, StringComparer.Ordinal);
            }
            if (seen is null ? !names.Contains(f.Name) : seen.Add(f.Name))
            {
                names.Add(f.Name);
                fragments.Add(new KnownFragment(f, schema.GetType(f.TypeCondition.Name)));
            }
        }
        _names = [.. names];
        _fragments = [.. fragments];
        if (_names.Length > ScanLimit)
        {
            _map = new Dictionary<string, KnownFragment>(_names.Length, StringComparer.Ordinal);
            for (var i = 0; i < _names.Length; i++)
            {
                _map.Add(_names[i], _fragments[i]);
            }
        }
    }

    public bool TryGetValue(string name, [NotNullWhen(true)] out KnownFragment? fragment)
    {
        fragment = Find(name);
        return fragment is not null;
    }

    public KnownFragment? GetValueOrDefault(string name) => Find(name);

    private KnownFragment? Find(string name)
    {
        if (_map is not null)
        {
            return _map.GetValueOrDefault(name);
        }
        var index = NameCache.IndexOf(_names, name);
        return index < 0 ? null : _fragments[index];
    }
}
