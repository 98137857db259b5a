using LineageHub.GraphQL.Introspection;
using LineageHub.GraphQL.Language;
using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Types;

/// <summary>
/// Builds a <see cref="Schema"/> from a type system document (spec 3): shells for every named type first,
/// then their members, so types may reference each other in any order; extensions merge into the types
/// they extend (spec 3.1).
/// </summary>
internal sealed partial class SchemaBuilder
{
    private static readonly DocumentNode BuiltInDirectiveDocument = Parser.Parse(BuiltInDirectives.Sdl);

    private readonly Dictionary<string, NamedType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TypeDefinitionNode>> _nodes = new(StringComparer.Ordinal);

    public static Schema Build(DocumentNode document) => new SchemaBuilder().BuildSchema(document);

    private Schema BuildSchema(DocumentNode document)
    {
        var definitions = document.Definitions.Concat(IntrospectionSchema.Document.Definitions).ToList();
        SchemaDefinitionNode? schemaNode = null;
        var schemaExtensions = new List<SchemaDefinitionNode>();
        var directiveNodes = new List<DirectiveDefinitionNode>();
        var extensions = new List<TypeDefinitionNode>();
        foreach (var definition in definitions)
        {
            switch (definition)
            {
                case SchemaDefinitionNode { IsExtension: false } s:
                    schemaNode = schemaNode is null ? s : throw new SchemaException(SchemaMessages.OneSchemaDefinition);
                    break;
                case SchemaDefinitionNode s:
                    schemaExtensions.Add(s);
                    break;
                case DirectiveDefinitionNode d:
                    directiveNodes.Add(d);
                    break;
                case TypeDefinitionNode { IsExtension: true } t:
                    extensions.Add(t);
                    break;
                case TypeDefinitionNode t:
                    AddShell(t);
                    break;
                default:
                    throw new SchemaException(SchemaMessages.OnlyTypeSystem);
            }
        }
        foreach (var extension in extensions)
        {
            if (!_nodes.TryGetValue(extension.Name, out var list))
            {
                throw new SchemaException(SchemaMessages.ExtendUndefined(extension.Name));
            }
            if (list[0].Kind != extension.Kind)
            {
                throw new SchemaException(SchemaMessages.ExtendWrongKind(KindWord(extension.Kind), extension.Name));
            }
            list.Add(extension);
        }
        foreach (var (name, nodes) in _nodes)
        {
            Fill(_types[name], nodes);
        }
        var directives = BuildDirectives(directiveNodes);
        var (query, mutation, subscription) = RootTypes(schemaNode, schemaExtensions);
        if (query is null)
        {
            throw new SchemaException(SchemaMessages.QueryRootRequired);
        }
        ValidateImplementations();
        var ordered = OrderTypes(query, mutation, subscription, directives.Values);
        return new Schema(schemaNode?.Description?.Value, ordered, directives, query, mutation, subscription);
    }

    private void AddShell(TypeDefinitionNode node)
    {
        if (_types.ContainsKey(node.Name))
        {
            throw new SchemaException(SchemaMessages.DuplicateType(node.Name));
        }
        var description = node.Description?.Value;
        NamedType type = node.Kind switch
        {
            TypeDefinitionKind.Scalar => node.Name is "Int" or "Float" or "String" or "Boolean" or "ID" ? BuiltInScalars.Create(node.Name) : new ScalarType(node.Name, description),
            TypeDefinitionKind.Object => new ObjectType(node.Name, description),
            TypeDefinitionKind.Interface => new InterfaceType(node.Name, description),
            TypeDefinitionKind.Union => new UnionType(node.Name, description),
            TypeDefinitionKind.Enum => new EnumType(node.Name, description),
            _ => new InputObjectType(node.Name, description),
        };
        _types[node.Name] = type;
        _nodes[node.Name] = [node];
    }

    private static string KindWord(TypeDefinitionKind kind) => kind switch
    {
        TypeDefinitionKind.Scalar => "scalar",
        TypeDefinitionKind.Object => "object",
        TypeDefinitionKind.Interface => "interface",
        TypeDefinitionKind.Union => "union",
        TypeDefinitionKind.Enum => "enum",
        _ => "input object",
    };

    private NamedType GetNamed(string name)
    {
        if (_types.TryGetValue(name, out var type))
        {
            return type;
        }
        if (name is "Int" or "Float" or "String" or "Boolean" or "ID")
        {
            var scalar = BuiltInScalars.Create(name);
            _types[name] = scalar;
            return scalar;
        }
        throw new SchemaException(SchemaMessages.UnknownType(name));
    }

    private GraphQLType TypeFrom(TypeNode node) => node switch
    {
        NamedTypeNode n => GetNamed(n.Name),
        ListTypeNode l => new ListType(TypeFrom(l.Type)),
        NonNullTypeNode n => new NonNullType(TypeFrom(n.Type)),
        _ => throw new SchemaException("unknown type reference"),
    };

    private Dictionary<string, DirectiveDefinition> BuildDirectives(List<DirectiveDefinitionNode> nodes)
    {
        var result = new Dictionary<string, DirectiveDefinition>(StringComparer.Ordinal);
        // The document's directives first, then the specified ones it does not redefine (graphql-js's order).
        foreach (var node in nodes)
        {
            if (result.ContainsKey(node.Name))
            {
                throw new SchemaException(SchemaMessages.DuplicateDirective(node.Name));
            }
            result[node.Name] = BuildDirective(node);
        }
        foreach (var node in BuiltInDirectiveDocument.Definitions.Cast<DirectiveDefinitionNode>())
        {
            result.TryAdd(node.Name, BuildDirective(node));
        }
        return result;
    }

    private DirectiveDefinition BuildDirective(DirectiveDefinitionNode node)
    {
        var directive = new DirectiveDefinition(node.Name, node.Description?.Value, node.IsRepeatable, node.Locations);
        foreach (var arg in node.Arguments)
        {
            directive.ArgumentMap[arg.Name] = BuildInputValue(arg);
        }
        return directive;
    }

    private (ObjectType?, ObjectType?, ObjectType?) RootTypes(SchemaDefinitionNode? schemaNode, List<SchemaDefinitionNode> extensions)
    {
        var operations = (schemaNode?.OperationTypes ?? []).Concat(extensions.SelectMany(e => e.OperationTypes)).ToList();
        if (schemaNode is null && operations.Count == 0)
        {
            return (_types.GetValueOrDefault("Query") as ObjectType, _types.GetValueOrDefault("Mutation") as ObjectType, _types.GetValueOrDefault("Subscription") as ObjectType);
        }
        ObjectType? Root(OperationType op)
        {
            var node = operations.LastOrDefault(o => o.Operation == op);
            if (node is null)
            {
                return null;
            }
            return GetNamed(node.Type.Name) as ObjectType
                ?? throw new SchemaException(SchemaMessages.RootNotObject(op.ToString(), node.Type.Name));
        }
        return (Root(OperationType.Query), Root(OperationType.Mutation), Root(OperationType.Subscription));
    }
}
