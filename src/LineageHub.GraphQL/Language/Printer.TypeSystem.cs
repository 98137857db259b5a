using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Language;

public static partial class Printer
{
    private static string PrintTypeSystem(Node node) => node switch
    {
        SchemaDefinitionNode s => Description(s.Description) + Join(" ", s.IsExtension ? "extend schema" : "schema", Directives(s.Directives), Block(s.OperationTypes.Select(Print))),
        OperationTypeDefinitionNode o => o.Operation.ToString().ToLowerInvariant() + ": " + o.Type.Name,
        TypeDefinitionNode t => PrintTypeDefinition(t),
        FieldDefinitionNode f => Description(f.Description) + f.Name + Arguments(f.Arguments) + ": " + Print(f.Type) + Wrap(" ", Directives(f.Directives)),
        InputValueDefinitionNode i => Description(i.Description) + Join(" ", i.Name + ": " + Print(i.Type), Wrap("= ", i.DefaultValue is null ? "" : Print(i.DefaultValue)), Directives(i.Directives)),
        EnumValueDefinitionNode e => Description(e.Description) + Join(" ", e.Name, Directives(e.Directives)),
        DirectiveDefinitionNode d => Description(d.Description) + "directive @" + d.Name + Arguments(d.Arguments) + (d.IsRepeatable ? " repeatable" : "") + " on " + string.Join(" | ", d.Locations),
        _ => throw new ArgumentException($"cannot print node {node.GetType().Name}", nameof(node)),
    };

    private static string PrintTypeDefinition(TypeDefinitionNode t)
    {
        var keyword = t.Kind switch
        {
            TypeDefinitionKind.Scalar => "scalar",
            TypeDefinitionKind.Object => "type",
            TypeDefinitionKind.Interface => "interface",
            TypeDefinitionKind.Union => "union",
            TypeDefinitionKind.Enum => "enum",
            _ => "input",
        };
        var body = t.Kind switch
        {
            TypeDefinitionKind.Object or TypeDefinitionKind.Interface => Block(t.Fields.Select(Print)),
            TypeDefinitionKind.Union => Wrap("= ", string.Join(" | ", t.UnionMembers.Select(m => m.Name))),
            TypeDefinitionKind.Enum => Block(t.EnumValues.Select(Print)),
            TypeDefinitionKind.InputObject => Block(t.InputFields.Select(Print)),
            _ => "",
        };
        return Description(t.Description) + Join(" ",
            t.IsExtension ? "extend " + keyword : keyword,
            t.Name,
            Wrap("implements ", string.Join(" & ", t.Interfaces.Select(i => i.Name))),
            Directives(t.Directives),
            body);
    }

    private static string Arguments(IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        var printed = arguments.Select(Print).ToList();
        // graphql-js lays arguments out one per line as soon as any of them spans lines (has a description).
        return printed.Any(p => p.Contains('\n', StringComparison.Ordinal))
            ? Wrap("(\n", Indent(string.Join("\n", printed)), "\n)")
            : Wrap("(", string.Join(", ", printed), ")");
    }

    private static string Description(StringValueNode? description) =>
        description is null ? "" : Print(description) + "\n";
}
