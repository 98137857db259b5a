using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.4 Fragments Must Be Used: every fragment is reachable from some operation.</summary>
internal sealed class FragmentsMustBeUsedRule : ValidationRule
{
    public override string Name => "Fragments Must Be Used";

    public override string SpecSection => "5.5.1.4";

    public override void LeaveDocument(ValidationContext context, DocumentNode node)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in node.Definitions.OfType<OperationDefinitionNode>())
        {
            foreach (var fragment in context.RecursivelyReferencedFragments(operation))
            {
                used.Add(fragment.Name);
            }
        }
        foreach (var fragment in node.Definitions.OfType<FragmentDefinitionNode>())
        {
            if (!used.Contains(fragment.Name))
            {
                context.Report(this, ValidationMessages.UnusedFragment(fragment.Name), fragment);
            }
        }
    }
}
