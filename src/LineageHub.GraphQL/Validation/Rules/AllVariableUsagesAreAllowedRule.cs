using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.5 All Variable Usages Are Allowed (IsVariableUsageAllowed, AreTypesCompatible).</summary>
internal sealed class AllVariableUsagesAreAllowedRule : ValidationRule
{
    public override string Name => "All Variable Usages Are Allowed";

    public override string SpecSection => "5.8.5";

    public override void LeaveDocument(ValidationContext context, DocumentNode node)
    {
        foreach (var operation in node.Definitions.OfType<OperationDefinitionNode>())
        {
            var definitions = new Dictionary<string, VariableDefinitionNode>(StringComparer.Ordinal);
            foreach (var definition in operation.VariableDefinitions)
            {
                definitions.TryAdd(definition.Variable.Name, definition);
            }
            foreach (var usage in context.RecursiveVariableUsages(operation))
            {
                if (usage.Type is null || !definitions.TryGetValue(usage.Node.Name, out var definition) ||
                    ValueCoercion.TypeFromAst(context.Schema, definition.Type) is not { } variableType)
                {
                    continue;
                }
                if (!IsAllowed(context.Schema, variableType, definition.DefaultValue, usage.Type, usage.HasLocationDefault))
                {
                    context.Report(this, ValidationMessages.BadVariablePosition(usage.Node.Name, variableType.ToString(), usage.Type.ToString()), definition, usage.Node);
                }
            }
        }
    }

    private static bool IsAllowed(Schema schema, GraphQLType variableType, ValueNode? variableDefault, GraphQLType locationType, bool hasLocationDefault)
    {
        if (locationType is NonNullType nonNullLocation && variableType is not NonNullType)
        {
            var hasNonNullVariableDefault = variableDefault is not null and not NullValueNode;
            if (!hasNonNullVariableDefault && !hasLocationDefault)
            {
                return false;
            }
            return IsSubType(schema, variableType, nonNullLocation.OfType);
        }
        return IsSubType(schema, variableType, locationType);
    }

    // AreTypesCompatible, extended to abstract super types as graphql-js's isTypeSubTypeOf is.
    private static bool IsSubType(Schema schema, GraphQLType maybeSub, GraphQLType super)
    {
        if (maybeSub is NamedType a && super is NamedType b)
        {
            return a == b || (b.IsAbstract && a is ObjectType or InterfaceType && schema.IsSubType(b, a));
        }
        if (super is NonNullType superNonNull)
        {
            return maybeSub is NonNullType subNonNull && IsSubType(schema, subNonNull.OfType, superNonNull.OfType);
        }
        if (maybeSub is NonNullType nonNull)
        {
            return IsSubType(schema, nonNull.OfType, super);
        }
        if (super is ListType superList)
        {
            return maybeSub is ListType subList && IsSubType(schema, subList.OfType, superList.OfType);
        }
        return false;
    }
}
