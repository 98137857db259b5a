using System.Text;
using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Language;

/// <summary>
/// Prints an AST back to GraphQL text in the canonical layout graphql-js's <c>print</c> uses (two-space
/// indentation, one selection per line), so printed documents compare equal across the two engines.
/// </summary>
public static partial class Printer
{
    private const int MaxLineLength = 80;

    /// <summary>Prints any node: a document, a definition, a selection, a value or a type.</summary>
    public static string Print(Node node) => node switch
    {
        DocumentNode d => string.Join("\n\n", d.Definitions.Select(Print)),
        OperationDefinitionNode o => PrintOperation(o),
        FragmentDefinitionNode f => $"fragment {f.Name} on {f.TypeCondition.Name} {Wrap("", Directives(f.Directives), " ")}{Print(f.SelectionSet)}",
        VariableDefinitionNode v => $"${v.Variable.Name}: {Print(v.Type)}{Wrap(" = ", v.DefaultValue is null ? "" : Print(v.DefaultValue))}{Wrap(" ", Directives(v.Directives))}",
        SelectionSetNode s => Block(s.Selections.Select(Print)),
        FieldNode f => PrintField(f),
        FragmentSpreadNode s => "..." + s.Name + Wrap(" ", Directives(s.Directives)),
        InlineFragmentNode i => Join(" ", "...", Wrap("on ", i.TypeCondition?.Name ?? ""), Directives(i.Directives), Print(i.SelectionSet)),
        ArgumentNode a => a.Name + ": " + Print(a.Value),
        DirectiveNode d => "@" + d.Name + Wrap("(", string.Join(", ", d.Arguments.Select(Print)), ")"),
        VariableNode v => "$" + v.Name,
        IntValueNode i => i.Value,
        FloatValueNode f => f.Value,
        StringValueNode s => s.Block ? BlockString.Print(s.Value) : PrintString(s.Value),
        BooleanValueNode b => b.Value ? "true" : "false",
        NullValueNode => "null",
        EnumValueNode e => e.Value,
        ListValueNode l => "[" + string.Join(", ", l.Values.Select(Print)) + "]",
        ObjectValueNode o => "{" + string.Join(", ", o.Fields.Select(Print)) + "}",
        ObjectFieldNode f => f.Name + ": " + Print(f.Value),
        NamedTypeNode n => n.Name,
        ListTypeNode l => "[" + Print(l.Type) + "]",
        NonNullTypeNode n => Print(n.Type) + "!",
        _ => PrintTypeSystem(node),
    };

    private static string PrintOperation(OperationDefinitionNode o)
    {
        var keyword = o.Operation switch
        {
            OperationType.Mutation => "mutation",
            OperationType.Subscription => "subscription",
            _ => "query",
        };
        var variables = Wrap("(", string.Join(", ", o.VariableDefinitions.Select(Print)), ")");
        var directives = Directives(o.Directives);
        var selectionSet = Print(o.SelectionSet);
        // The query shorthand applies only when nothing but the selection set would be printed.
        return o.Name is null && variables.Length == 0 && directives.Length == 0 && o.Operation == OperationType.Query
            ? selectionSet
            : Join(" ", keyword, (o.Name ?? "") + variables, directives, selectionSet);
    }

    private static string PrintField(FieldNode f)
    {
        var prefix = Wrap("", f.Alias ?? "", ": ") + f.Name;
        var args = f.Arguments.Select(Print).ToList();
        var argsLine = prefix + Wrap("(", string.Join(", ", args), ")");
        if (argsLine.Length > MaxLineLength)
        {
            argsLine = prefix + Wrap("(\n", Indent(string.Join("\n", args)), "\n)");
        }
        return Join(" ", argsLine, Directives(f.Directives), f.SelectionSet is null ? "" : Print(f.SelectionSet));
    }

    /// <summary>Prints a string literal with JSON-style escapes, as graphql-js's <c>printString</c>.</summary>
    public static string PrintString(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    private static string Directives(IReadOnlyList<DirectiveNode> directives) =>
        directives.Count == 0 ? "" : string.Join(" ", directives.Select(Print));

    private static string Block(IEnumerable<string> items)
    {
        var body = string.Join("\n", items);
        return body.Length == 0 ? "" : "{\n" + Indent(body) + "\n}";
    }

    private static string Indent(string text) => text.Length == 0 ? "" : "  " + text.Replace("\n", "\n  ");

    private static string Wrap(string start, string value, string end = "") => value.Length == 0 ? "" : start + value + end;

    private static string Join(string separator, params string[] parts) => string.Join(separator, parts.Where(p => p.Length > 0));
}
