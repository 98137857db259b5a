using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Validation;

/// <summary>
/// What rules see while the walker moves through a document: the schema, the fragments, the current
/// type information (graphql-js's TypeInfo), and, after the walk, variable usages and spreads per definition.
/// </summary>
internal sealed class ValidationContext
{
    private readonly List<GraphQLError> _errors = [];
    private readonly Dictionary<DefinitionNode, List<FragmentDefinitionNode>> _referencedFragments = new(ReferenceEqualityComparer.Instance);

    public ValidationContext(Schema schema, DocumentNode document)
    {
        Schema = schema;
        Document = document;
        Fragments = new FragmentTable(schema, document);
    }

    public Schema Schema { get; }

    public DocumentNode Document { get; }

    /// <summary>The document's fragments by name; the first definition wins when a name repeats (another rule's error).</summary>
    public FragmentTable Fragments { get; }

    public IReadOnlyList<GraphQLError> Errors => _errors;

    // Type information for the node being visited.
    public NamedType? ParentType { get; set; }
    public GraphQLType? Type { get; set; }
    public FieldDefinition? FieldDefinition { get; set; }
    public DirectiveDefinition? Directive { get; set; }
    public InputValue? ArgumentDefinition { get; set; }
    public GraphQLType? InputType { get; set; }
    public NamedType? ParentInputType { get; set; }
    public bool InputHasDefault { get; set; }
    public bool InDirective { get; set; }

    /// <summary>The fragment the spread being visited names; null when the document defines none by that name.</summary>
    public KnownFragment? SpreadTarget { get; set; }

    /// <summary>The operation or fragment definition being walked.</summary>
    public DefinitionNode? CurrentDefinition { get; set; }

    /// <summary>Variable usages per executable definition, with the types expected where they occur.</summary>
    public Dictionary<DefinitionNode, List<VariableUsage>> VariableUsages { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Fragment spreads per executable definition.</summary>
    public Dictionary<DefinitionNode, List<FragmentSpreadNode>> Spreads { get; } = new(ReferenceEqualityComparer.Instance);

    public void Report(ValidationRule rule, string message, params Node[] nodes) =>
        Add(rule, message, [.. nodes.Select(n => new ErrorLocation(n.Location.Line, n.Location.Column))]);

    /// <summary>Reports at the names of the nodes (operations, fragments, spreads, variables), where graphql-js points.</summary>
    public void ReportAtNames(ValidationRule rule, string message, params Node[] nodes) =>
        Add(rule, message, [.. nodes.Select(NameLocation)]);

    private void Add(ValidationRule rule, string message, ErrorLocation[] locations)
    {
        _errors.Add(new GraphQLError(message)
        {
            Locations = locations,
            Extensions = new Dictionary<string, object?>
            {
                ["code"] = "GRAPHQL_VALIDATION_FAILED",
                ["rule"] = rule.Name,
                ["specSection"] = rule.SpecSection,
            },
        });
    }

    private static ErrorLocation NameLocation(Node node)
    {
        var location = node switch
        {
            OperationDefinitionNode { NameLocation: { } l } => l,
            FragmentDefinitionNode { NameLocation: { } l } => l,
            FragmentSpreadNode { NameLocation: { } l } => l,
            VariableNode { NameLocation: { } l } => l,
            _ => node.Location,
        };
        return new ErrorLocation(location.Line, location.Column);
    }

    /// <summary>Fragments reachable from a definition through spreads, transitively (each once); ask only after the walk.</summary>
    public List<FragmentDefinitionNode> RecursivelyReferencedFragments(DefinitionNode definition)
    {
        // Several rules ask for the same operation once the walk is done: compute each answer once.
        if (_referencedFragments.TryGetValue(definition, out var known))
        {
            return known;
        }
        var result = new List<FragmentDefinitionNode>();
        _referencedFragments[definition] = result;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<DefinitionNode>();
        stack.Push(definition);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (!Spreads.TryGetValue(current, out var spreads))
            {
                continue;
            }
            foreach (var spread in spreads)
            {
                if (seen.Add(spread.Name) && Fragments.TryGetValue(spread.Name, out var fragment))
                {
                    result.Add(fragment.Definition);
                    stack.Push(fragment.Definition);
                }
            }
        }
        return result;
    }

    /// <summary>Variable usages of an operation including those in fragments it spreads (transitively).</summary>
    public List<VariableUsage> RecursiveVariableUsages(OperationDefinitionNode operation)
    {
        var usages = new List<VariableUsage>(VariableUsages.GetValueOrDefault(operation) ?? []);
        foreach (var fragment in RecursivelyReferencedFragments(operation))
        {
            usages.AddRange(VariableUsages.GetValueOrDefault(fragment) ?? []);
        }
        return usages;
    }
}
