using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Execution;

internal sealed partial class ExecutionContext
{
    private readonly Dictionary<ObjectType, Dictionary<object, CollectedSet>> _collected = [];
    private readonly Dictionary<FieldNode, IReadOnlyDictionary<string, object?>> _arguments = new(ReferenceEqualityComparer.Instance);

    private CollectedSet CollectFields(ObjectType type, SelectionSetNode selectionSet)
    {
        var groups = new List<CollectedField>();
        var index = new Dictionary<string, CollectedField>(StringComparer.Ordinal);
        CollectFields(type, selectionSet, groups, index, null);
        return new CollectedSet([.. groups]);
    }

    // Sub-selections of a field are collected once per (object type, field node) and reused for every
    // item of a list: that is most of the work saved on a 1,000-item list.
    private CollectedSet CollectSubfields(ObjectType type, CollectedField field)
    {
        if (field.LastSubselection is { } last && ReferenceEquals(last.Type, type))
        {
            return last.Set;
        }
        var key = field.Nodes.Count == 1 ? (object)field.Nodes[0] : null;
        lock (_collected)
        {
            if (key is not null && _collected.TryGetValue(type, out var byNode) && byNode.TryGetValue(key, out var cached))
            {
                field.LastSubselection = new(type, cached);
                return cached;
            }
        }
        var groups = new List<CollectedField>();
        var index = new Dictionary<string, CollectedField>(StringComparer.Ordinal);
        HashSet<string>? visited = null;
        foreach (var node in field.Nodes)
        {
            if (node.SelectionSet is not null)
            {
                CollectFields(type, node.SelectionSet, groups, index, visited ??= new HashSet<string>(StringComparer.Ordinal));
            }
        }
        var result = new CollectedSet([.. groups]);
        if (key is not null)
        {
            lock (_collected)
            {
                if (!_collected.TryGetValue(type, out var byNode))
                {
                    _collected[type] = byNode = new Dictionary<object, CollectedSet>(ReferenceEqualityComparer.Instance);
                }
                byNode[key] = result;
            }
            field.LastSubselection = new(type, result);
        }
        return result;
    }

    // Spec 6.3.2 CollectFields.
    private void CollectFields(ObjectType type, SelectionSetNode selectionSet, List<CollectedField> groups, Dictionary<string, CollectedField> index, HashSet<string>? visited)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (!ShouldInclude(selection.Directives))
            {
                continue;
            }
            switch (selection)
            {
                case FieldNode field:
                    var key = field.ResponseKey;
                    if (!index.TryGetValue(key, out var group))
                    {
                        var definition = _schema.GetField(type, field.Name);
                        if (definition is null)
                        {
                            continue;
                        }
                        group = new CollectedField(key, definition);
                        index[key] = group;
                        groups.Add(group);
                    }
                    group.Nodes.Add(field);
                    break;
                case FragmentSpreadNode spread:
                    visited ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!visited.Add(spread.Name) || !_fragments.TryGetValue(spread.Name, out var fragment) || !DoesFragmentTypeApply(type, fragment.TypeCondition.Name))
                    {
                        continue;
                    }
                    CollectFields(type, fragment.SelectionSet, groups, index, visited);
                    break;
                case InlineFragmentNode inline:
                    if (inline.TypeCondition is not null && !DoesFragmentTypeApply(type, inline.TypeCondition.Name))
                    {
                        continue;
                    }
                    CollectFields(type, inline.SelectionSet, groups, index, visited);
                    break;
            }
        }
    }

    // Spec 6.3.2 DoesFragmentTypeApply.
    private bool DoesFragmentTypeApply(ObjectType type, string typeCondition)
    {
        if (type.Name == typeCondition)
        {
            return true;
        }
        return _schema.GetType(typeCondition) is { } condition && condition.IsAbstract && _schema.IsSubType(condition, type);
    }

    // Spec 3.13.1 @skip and 3.13.2 @include.
    private bool ShouldInclude(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            if (directive.Name is "skip" or "include")
            {
                var argument = directive.Arguments.FirstOrDefault(a => a.Name == "if");
                var value = argument is null ? null : ValueCoercion.ValueFromAst(argument.Value, new NonNullType(_schema.Types["Boolean"]), _variables);
                if (value is bool b && b == (directive.Name == "skip"))
                {
                    return false;
                }
            }
        }
        return true;
    }

    // Variables are fixed for the operation, so a field node's arguments coerce the same way every time.
    private IReadOnlyDictionary<string, object?> GetArguments(CollectedField field)
    {
        var node = field.Nodes[0];
        lock (_arguments)
        {
            if (_arguments.TryGetValue(node, out var cached))
            {
                return cached;
            }
        }
        var coerced = ValueCoercion.CoerceArgumentValues(field.Definition.Arguments, node.Arguments, _variables);
        lock (_arguments)
        {
            _arguments[node] = coerced;
        }
        return coerced;
    }
}
