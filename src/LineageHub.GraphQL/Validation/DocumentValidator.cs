using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;
using LineageHub.GraphQL.Validation.Rules;

namespace LineageHub.GraphQL.Validation;

/// <summary>Validates an executable document against a schema with every rule of spec section 5.</summary>
public static class DocumentValidator
{
    /// <summary>Validation errors; empty when the document is valid. Each names its rule and spec section in <c>extensions</c>.</summary>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        var context = new ValidationContext(schema, document);
        // Spec 5.1.1 first: a document with type system definitions is not walked further.
        var executable = new ExecutableDefinitionsRule();
        executable.Check(context);
        if (context.Errors.Count > 0)
        {
            return context.Errors;
        }
        new DocumentWalker(context, CreateRules()).Walk();
        return context.Errors;
    }

    // Ordered by spec section so errors come out in a predictable order.
    private static ValidationRule[] CreateRules() =>
    [
        new OperationNameUniquenessRule(),
        new LoneAnonymousOperationRule(),
        new SingleRootFieldRule(),
        new FieldSelectionsRule(),
        new FieldSelectionMergingRule(),
        new LeafFieldSelectionsRule(),
        new ArgumentNamesRule(),
        new ArgumentUniquenessRule(),
        new RequiredArgumentsRule(),
        new FragmentNameUniquenessRule(),
        new FragmentSpreadTypeExistenceRule(),
        new FragmentsOnCompositeTypesRule(),
        new FragmentsMustBeUsedRule(),
        new FragmentSpreadTargetDefinedRule(),
        new FragmentSpreadsMustNotFormCyclesRule(),
        new FragmentSpreadIsPossibleRule(),
        new ValuesOfCorrectTypeRule(),
        new InputObjectFieldNamesRule(),
        new InputObjectFieldUniquenessRule(),
        new InputObjectRequiredFieldsRule(),
        new DirectivesAreDefinedRule(),
        new DirectivesAreInValidLocationsRule(),
        new DirectivesAreUniquePerLocationRule(),
        new VariableUniquenessRule(),
        new VariablesAreInputTypesRule(),
        new AllVariableUsesDefinedRule(),
        new AllVariablesUsedRule(),
        new AllVariableUsagesAreAllowedRule(),
    ];
}
