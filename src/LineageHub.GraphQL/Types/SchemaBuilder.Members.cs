using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Types;

internal sealed partial class SchemaBuilder
{
    private void Fill(NamedType type, List<TypeDefinitionNode> nodes)
    {
        type.AstNodes = nodes;
        type.AppliedDirectives = [.. nodes.SelectMany(n => n.Directives)];
        switch (type)
        {
            case ScalarType scalar:
                var specifiedBy = type.AppliedDirectives.FirstOrDefault(d => d.Name == "specifiedBy");
                if (specifiedBy?.Arguments.FirstOrDefault(a => a.Name == "url")?.Value is StringValueNode url)
                {
                    scalar.SpecifiedByUrl = url.Value;
                }
                break;
            case ObjectType obj:
                obj.Interfaces = Interfaces(nodes);
                AddFields(obj.Name, obj.FieldMap, nodes);
                break;
            case InterfaceType iface:
                iface.Interfaces = Interfaces(nodes);
                AddFields(iface.Name, iface.FieldMap, nodes);
                break;
            case UnionType union:
                union.Types = [.. nodes.SelectMany(n => n.UnionMembers).Select(m => GetNamed(m.Name) as ObjectType
                    ?? throw new SchemaException($"Union type {union.Name} can only include Object types, it cannot include {m.Name}."))];
                break;
            case EnumType e:
                foreach (var value in nodes.SelectMany(n => n.EnumValues))
                {
                    if (!e.ValueMap.TryAdd(value.Name, new EnumValueDefinition(value.Name, value.Description?.Value, DeprecationReason(value.Directives))))
                    {
                        throw new SchemaException($"Enum value \"{e.Name}.{value.Name}\" can only be defined once.");
                    }
                }
                break;
            case InputObjectType input:
                input.IsOneOf = type.AppliedDirectives.Any(d => d.Name == "oneOf");
                foreach (var field in nodes.SelectMany(n => n.InputFields))
                {
                    if (!input.FieldMap.TryAdd(field.Name, BuildInputValue(field)))
                    {
                        throw new SchemaException($"Field \"{input.Name}.{field.Name}\" can only be defined once.");
                    }
                }
                break;
        }
    }

    private List<InterfaceType> Interfaces(List<TypeDefinitionNode> nodes) =>
        [.. nodes.SelectMany(n => n.Interfaces).Select(i => GetNamed(i.Name) as InterfaceType
            ?? throw new SchemaException($"Type {nodes[0].Name} must only implement Interface types, it cannot implement {i.Name}."))];

    private void AddFields(string typeName, OrderedDictionary<string, FieldDefinition> map, List<TypeDefinitionNode> nodes)
    {
        foreach (var node in nodes.SelectMany(n => n.Fields))
        {
            var type = TypeFrom(node.Type);
            if (!type.IsOutputType)
            {
                throw new SchemaException($"The type of {typeName}.{node.Name} must be Output Type but got: {type}.");
            }
            var field = new FieldDefinition(node.Name, node.Description?.Value, type, DeprecationReason(node.Directives), node.Directives);
            foreach (var arg in node.Arguments)
            {
                if (!field.ArgumentMap.TryAdd(arg.Name, BuildInputValue(arg)))
                {
                    throw new SchemaException($"Argument \"{typeName}.{node.Name}({arg.Name}:)\" can only be defined once.");
                }
            }
            if (!map.TryAdd(node.Name, field))
            {
                throw new SchemaException($"Field \"{typeName}.{node.Name}\" can only be defined once.");
            }
        }
    }

    private InputValue BuildInputValue(InputValueDefinitionNode node)
    {
        var type = TypeFrom(node.Type);
        if (!type.IsInputType)
        {
            throw new SchemaException($"The type of \"{node.Name}\" must be Input Type but got: {type}.");
        }
        return new InputValue(node.Name, node.Description?.Value, type, node.DefaultValue, DeprecationReason(node.Directives), node.Directives);
    }

    // Spec 3.13.3 @deprecated: the reason defaults to "No longer supported".
    private static string? DeprecationReason(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            if (directive.Name == "deprecated")
            {
                return directive.Arguments.FirstOrDefault(a => a.Name == "reason")?.Value is StringValueNode s ? s.Value : "No longer supported";
            }
        }
        return null;
    }

    // Spec 3.6.1 / 3.7.1 Type Validation: an implementing type has every field of its interfaces, with a
    // sub-type, and declares the interfaces' own interfaces too (checked strictly enough to catch typos).
    private void ValidateImplementations()
    {
        foreach (var type in _types.Values.OfType<IFieldsType>())
        {
            foreach (var iface in type.Interfaces)
            {
                if (ReferenceEquals(iface, type))
                {
                    throw new SchemaException($"Type {type.Name} cannot implement itself because it would create a circular reference.");
                }
                foreach (var (name, field) in iface.Fields)
                {
                    if (!type.Fields.TryGetValue(name, out var own))
                    {
                        throw new SchemaException($"Interface field {iface.Name}.{name} expected but {type.Name} does not provide it.");
                    }
                    foreach (var (argName, _) in field.Arguments)
                    {
                        if (!own.Arguments.ContainsKey(argName))
                        {
                            throw new SchemaException($"Interface field argument {iface.Name}.{name}({argName}:) expected but {type.Name}.{name} does not provide it.");
                        }
                    }
                }
                foreach (var transitive in iface.Interfaces)
                {
                    if (!type.Interfaces.Contains(transitive))
                    {
                        throw new SchemaException($"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.");
                    }
                }
            }
        }
    }

    // Orders the type map exactly as graphql-js's GraphQLSchema constructor does for buildSchema: a set
    // seeded with the document's types in order, each removed and re-collected depth-first in turn, then
    // the roots, directive arguments and introspection types. Introspection then lists types in the same
    // order, so printSchema of our introspection equals graphql-js's print of the SDL.
    private Dictionary<string, NamedType> OrderTypes(ObjectType query, ObjectType? mutation, ObjectType? subscription, IEnumerable<DirectiveDefinition> directives)
    {
        var documentTypes = _nodes.Keys.Where(n => !n.StartsWith("__", StringComparison.Ordinal)).Select(n => _types[n]).ToList();
        var list = new List<NamedType>(documentTypes);
        var set = new HashSet<NamedType>(documentTypes);
        void Collect(NamedType type)
        {
            if (!set.Add(type))
            {
                return;
            }
            list.Add(type);
            switch (type)
            {
                case UnionType u:
                    foreach (var member in u.Types)
                    {
                        Collect(member);
                    }
                    break;
                case IFieldsType f:
                    foreach (var iface in f.Interfaces)
                    {
                        Collect(iface);
                    }
                    foreach (var field in f.Fields.Values)
                    {
                        Collect(field.Type.NamedType);
                        foreach (var arg in field.Arguments.Values)
                        {
                            Collect(arg.Type.NamedType);
                        }
                    }
                    break;
                case InputObjectType i:
                    foreach (var field in i.Fields.Values)
                    {
                        Collect(field.Type.NamedType);
                    }
                    break;
            }
        }
        foreach (var type in documentTypes)
        {
            list.Remove(type);
            set.Remove(type);
            Collect(type);
        }
        Collect(query);
        if (mutation is not null)
        {
            Collect(mutation);
        }
        if (subscription is not null)
        {
            Collect(subscription);
        }
        foreach (var directive in directives)
        {
            foreach (var arg in directive.Arguments.Values)
            {
                Collect(arg.Type.NamedType);
            }
        }
        Collect(_types["__Schema"]);
        return list.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }
}
