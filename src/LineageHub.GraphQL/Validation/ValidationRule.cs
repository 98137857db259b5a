using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Validation;

/// <summary>
/// One rule of spec section 5. The walker calls the hooks in document order with the type information
/// for the node in <see cref="ValidationContext"/>; a rule reports through <see cref="ValidationContext.Report"/>.
/// </summary>
internal abstract class ValidationRule
{
    /// <summary>The rule's name as the spec titles it, e.g. "Field Selections".</summary>
    public abstract string Name { get; }

    /// <summary>The spec section, e.g. "5.3.1".</summary>
    public abstract string SpecSection { get; }

    public virtual void EnterDocument(ValidationContext context, DocumentNode node) { }
    public virtual void LeaveDocument(ValidationContext context, DocumentNode node) { }
    public virtual void EnterOperation(ValidationContext context, OperationDefinitionNode node) { }
    public virtual void LeaveOperation(ValidationContext context, OperationDefinitionNode node) { }
    public virtual void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode node) { }
    public virtual void EnterVariableDefinition(ValidationContext context, VariableDefinitionNode node) { }
    public virtual void EnterSelectionSet(ValidationContext context, SelectionSetNode node) { }
    public virtual void EnterField(ValidationContext context, FieldNode node) { }
    public virtual void EnterFragmentSpread(ValidationContext context, FragmentSpreadNode node) { }
    public virtual void EnterInlineFragment(ValidationContext context, InlineFragmentNode node) { }

    /// <summary>Called for every directive list (possibly empty) with the location it is applied at.</summary>
    public virtual void EnterDirectives(ValidationContext context, IReadOnlyList<DirectiveNode> directives, string location) { }
    public virtual void EnterDirective(ValidationContext context, DirectiveNode node, string location) { }
    public virtual void EnterArgument(ValidationContext context, ArgumentNode node) { }

    /// <summary>Called for every value literal, nested ones included; <see cref="ValidationContext.InputType"/> is the expected type.</summary>
    public virtual void EnterValue(ValidationContext context, ValueNode node) { }
    public virtual void EnterObjectField(ValidationContext context, ObjectFieldNode node) { }
}
