using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Validation;

/// <summary>
/// Limits beyond the spec that keep one request from costing too much: maximum field depth and maximum
/// cost. Cost counts one per field, with a list field's selections multiplied by its <c>first</c>,
/// <c>last</c> or <c>limit</c> argument (or <see cref="ExecutorOptions.DefaultListSize"/>). Relay
/// connections are costed the same way: a field of a type named <c>…Connection</c> multiplies by its
/// <c>first</c>/<c>last</c>, and the connection's own lists (<c>edges</c>, <c>nodes</c>) count once, since
/// the page size already counted their items.
/// </summary>
public static class OperationLimits
{
    /// <summary>Errors for the limits the operation exceeds; empty when within limits.</summary>
    public static IReadOnlyList<GraphQLError> Check(Schema schema, DocumentNode document, OperationDefinitionNode operation, ExecutorOptions options)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxDepth is null && options.MaxCost is null)
        {
            return [];
        }
        var fragments = document.Definitions.OfType<FragmentDefinitionNode>().GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var root = operation.Operation == OperationType.Mutation ? schema.MutationType : schema.QueryType;
        var walker = new Walker(schema, fragments, options);
        var (depth, cost) = walker.Measure(root, operation.SelectionSet, 1, []);
        var errors = new List<GraphQLError>();
        var location = new[] { new ErrorLocation(operation.Location.Line, operation.Location.Column) };
        if (options.MaxDepth is int maxDepth && depth > maxDepth)
        {
            errors.Add(new GraphQLError(ValidationMessages.TooDeep(depth, maxDepth)) { Locations = location, Extensions = Code("DEPTH_LIMIT_EXCEEDED") });
        }
        if (options.MaxCost is int maxCost && cost > maxCost)
        {
            errors.Add(new GraphQLError(ValidationMessages.TooCostly(cost, maxCost)) { Locations = location, Extensions = Code("COST_LIMIT_EXCEEDED") });
        }
        return errors;
    }

    private static Dictionary<string, object?> Code(string code) => new() { ["code"] = code };

    private sealed class Walker(Schema schema, Dictionary<string, FragmentDefinitionNode> fragments, ExecutorOptions options)
    {
        private const long CostCap = long.MaxValue / 4;

        public (int Depth, long Cost) Measure(NamedType? parent, SelectionSetNode selectionSet, int depth, HashSet<string> activeFragments)
        {
            var maxDepth = depth;
            long cost = 0;
            foreach (var selection in selectionSet.Selections)
            {
                (int Depth, long Cost) inner = (depth, 0);
                switch (selection)
                {
                    case FieldNode field:
                        var definition = parent is null ? null : schema.GetField(parent, field.Name);
                        long childCost = 0;
                        var childDepth = depth;
                        if (field.SelectionSet is not null)
                        {
                            (childDepth, childCost) = Measure(definition?.Type.NamedType, field.SelectionSet, depth + 1, activeFragments);
                        }
                        inner = (childDepth, Math.Min(CostCap, 1 + childCost * Multiplier(parent, field, definition)));
                        break;
                    case InlineFragmentNode inline:
                        var type = inline.TypeCondition is null ? parent : schema.GetType(inline.TypeCondition.Name);
                        inner = Measure(type, inline.SelectionSet, depth, activeFragments);
                        break;
                    case FragmentSpreadNode spread when fragments.TryGetValue(spread.Name, out var fragment) && activeFragments.Add(spread.Name):
                        inner = Measure(schema.GetType(fragment.TypeCondition.Name), fragment.SelectionSet, depth, activeFragments);
                        activeFragments.Remove(spread.Name);
                        break;
                }
                maxDepth = Math.Max(maxDepth, inner.Depth);
                cost = Math.Min(CostCap, cost + inner.Cost);
            }
            return (maxDepth, cost);
        }

        private long Multiplier(NamedType? parent, FieldNode field, FieldDefinition? definition)
        {
            if (definition is null)
            {
                return 1;
            }
            var isList = definition.Type.Nullable is ListType;
            if (isList && IsConnection(parent))
            {
                return 1;
            }
            if (!isList && !IsConnection(definition.Type.NamedType))
            {
                return 1;
            }
            foreach (var argument in field.Arguments)
            {
                if (argument.Name is "first" or "last" or "limit" && argument.Value is IntValueNode i && long.TryParse(i.Value, out var n))
                {
                    return Math.Max(1, n);
                }
            }
            return options.DefaultListSize;
        }

        private static bool IsConnection(NamedType? type) => type?.Name.EndsWith("Connection", StringComparison.Ordinal) == true;
    }
}
