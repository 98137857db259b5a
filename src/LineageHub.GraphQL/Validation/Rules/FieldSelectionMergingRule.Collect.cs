using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Validation.Rules;

internal sealed partial class FieldSelectionMergingRule
{
    // Scratch buffers reused by every collection of this validation run: Collect never re-enters
    // itself except through its own fragment recursion, which appends to the same buffer.
    private readonly List<FieldInfo> _scratch = [];
    private readonly HashSet<string> _visitedFragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _groupOf = new(StringComparer.Ordinal);
    private int[] _groupIndex = new int[16];

    /// <summary>
    /// Fields of a selection set by response name, with inline fragments and fragment spreads flattened
    /// in (each fragment once), grouped in order of first occurrence. Each selection set is collected
    /// once per parent type and reused: the walk visits it, and every comparison of fields whose
    /// sub-selections must merge collects it again.
    /// </summary>
    private CollectedFields Collect(ValidationContext context, NamedType? parentType, SelectionSetNode selectionSet)
    {
        if (_collected.TryGetValue(selectionSet, out var cached) && cached.Type == parentType)
        {
            return cached.Fields;
        }
        _scratch.Clear();
        _visitedFragments.Clear();
        Collect(context, parentType, selectionSet, null);
        var result = Group(_scratch);
        _collected[selectionSet] = (parentType, result);
        return result;
    }

    private void Collect(ValidationContext context, NamedType? parentType, SelectionSetNode selectionSet, string? origin)
    {
        var selections = selectionSet.Selections;
        for (var i = 0; i < selections.Count; i++)
        {
            switch (selections[i])
            {
                case FieldNode field:
                    var definition = parentType is null ? null : context.Schema.GetField(parentType, field.Name);
                    _scratch.Add(new FieldInfo(parentType, field, definition, origin));
                    break;
                case InlineFragmentNode inline:
                    var type = inline.TypeCondition is null ? parentType : context.Schema.GetType(inline.TypeCondition.Name);
                    Collect(context, type, inline.SelectionSet, origin);
                    break;
                case FragmentSpreadNode spread:
                    if (_visitedFragments.Add(spread.Name) && context.Fragments.TryGetValue(spread.Name, out var fragment))
                    {
                        Collect(context, context.Schema.GetType(fragment.TypeCondition.Name), fragment.SelectionSet, origin ?? spread.Name);
                    }
                    break;
            }
        }
    }

    // A stable counting sort by group, groups numbered in order of first occurrence, so conflicts are
    // reported in document order as graphql-js reports them.
    private CollectedFields Group(List<FieldInfo> fields)
    {
        var count = fields.Count;
        if (_groupIndex.Length < count)
        {
            _groupIndex = new int[Math.Max(count, _groupIndex.Length * 2)];
        }
        var groups = 0;
        var useMap = count > 16;
        if (useMap)
        {
            _groupOf.Clear();
        }
        for (var i = 0; i < count; i++)
        {
            var key = fields[i].Node.ResponseKey;
            var group = -1;
            if (useMap)
            {
                if (!_groupOf.TryGetValue(key, out group))
                {
                    _groupOf[key] = group = groups++;
                }
            }
            else
            {
                for (var j = 0; j < i; j++)
                {
                    if (fields[j].Node.ResponseKey == key)
                    {
                        group = _groupIndex[j];
                        break;
                    }
                }
                if (group < 0)
                {
                    group = groups++;
                }
            }
            _groupIndex[i] = group;
        }
        var ordered = new FieldInfo[count];
        if (groups == count)
        {
            // Every response name once: already in group order.
            fields.CopyTo(ordered);
            return new CollectedFields(ordered, null);
        }
        var starts = new int[groups + 1];
        for (var i = 0; i < count; i++)
        {
            starts[_groupIndex[i] + 1]++;
        }
        for (var g = 0; g < groups; g++)
        {
            starts[g + 1] += starts[g];
        }
        var next = starts[..groups];
        for (var i = 0; i < count; i++)
        {
            ordered[next[_groupIndex[i]]++] = fields[i];
        }
        return new CollectedFields(ordered, starts);
    }

    /// <summary>Collected fields in groups of one response name; <c>starts</c> is null when every group has one field.</summary>
    private sealed class CollectedFields(FieldInfo[] fields, int[]? starts)
    {
        private Dictionary<string, int>? _byName;

        public int GroupCount => starts is null ? fields.Length : starts.Length - 1;

        public ReadOnlySpan<FieldInfo> GroupAt(int group) =>
            starts is null ? fields.AsSpan(group, 1) : fields.AsSpan(starts[group], starts[group + 1] - starts[group]);

        public string NameOf(int group) => fields[starts is null ? group : starts[group]].Node.ResponseKey;

        /// <summary>The fields answering to <paramref name="responseName"/>; empty when there are none.</summary>
        public ReadOnlySpan<FieldInfo> Find(string responseName)
        {
            var groups = GroupCount;
            if (groups <= 8)
            {
                for (var g = 0; g < groups; g++)
                {
                    if (NameOf(g) == responseName)
                    {
                        return GroupAt(g);
                    }
                }
                return [];
            }
            if (_byName is null)
            {
                var byName = new Dictionary<string, int>(groups, StringComparer.Ordinal);
                for (var g = 0; g < groups; g++)
                {
                    byName[NameOf(g)] = g;
                }
                _byName = byName;
            }
            return _byName.TryGetValue(responseName, out var found) ? GroupAt(found) : [];
        }
    }
}
