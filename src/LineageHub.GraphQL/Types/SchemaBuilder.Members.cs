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
                    ?? throw new SchemaException(SchemaMessages.UnionMemberNotObject(union.Name, m.Name)))];
                break;
            case EnumType e:
                foreach (var value in nodes.SelectMany(n => n.EnumValues))
                {
                    if (!e.ValueMap.TryAdd(value.Name, new EnumValueDefinition(value.Name, value.Description?.Value, DeprecationReason(value.Directives))))
                    {
                        throw new SchemaException(SchemaMessages.DuplicateEnumValue(e.Name, value.Name));
                    }
                }
                break;
            case InputObjectType input:
                input.IsOneOf = type.AppliedDirectives.Any(d => d.Name == "oneOf");
                foreach (var field in nodes.SelectMany(n => n.InputFields))
                {
                    if (!input.FieldMap.TryAdd(field.Name, BuildInputValue(field)))
                    {
                        throw new SchemaException(SchemaMessages.DuplicateField(input.Name, field.Name));
                    }
                }
                break;
        }
    }

    private List<InterfaceType> Interfaces(List<TypeDefinitionNode> nodes) =>
        [.. nodes.SelectMany(n => n.Interfaces).Select(i => GetNamed(i.Name) as InterfaceType
            ?? throw new SchemaException(SchemaMessages.ImplementsNonInterface(nodes[0].Name, i.Name)))];

    private void AddFields(string typeName, OrderedDictionary<string, FieldDefinition> map, List<TypeDefinitionNode> nodes)
    {
        foreach (var node in nodes.SelectMany(n => n.Fields))
        {
            var type = TypeFrom(node.Type);
            if (!type.IsOutputType)
            {
                throw new SchemaException(SchemaMessages.NotOutputType(typeName, node.Name, type.ToString()));
            }
            var field = new FieldDefinition(node.Name, node.Description?.Value, type, DeprecationReason(node.Directives), node.Directives);
            foreach (var arg in node.Arguments)
            {
                if (!field.ArgumentMap.TryAdd(arg.Name, BuildInputValue(arg)))
                {
                    throw new SchemaException(SchemaMessages.DuplicateArgument(typeName, node.Name, arg.Name));
                }
            }
            if (!map.TryAdd(node.Name, field))
            {
                throw new SchemaException(SchemaMessages.DuplicateField(typeName, node.Name));
            }
        }
    }

    private InputValue BuildInputValue(InputValueDefinitionNode node)
    {
        var type = TypeFrom(node.Type);
        if (!type.IsInputType)
        {
            throw new SchemaException(SchemaMessages.NotInputType(node.Name, type.ToString()));
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
                    throw new SchemaException(SchemaMessages.ImplementsItself(type.Name));
                }
                foreach (var (name, field) in iface.Fields)
                {
                    if (!type.Fields.TryGetValue(name, out var own))
                    {
                        throw new SchemaException(SchemaMessages.MissingInterfaceField(iface.Name, name, type.Name));
                    }
                    foreach (var (argName, _) in field.Arguments)
                    {
                        if (!own.Arguments.ContainsKey(argName))
                        {
                            throw new SchemaException(SchemaMessages.MissingInterfaceArgument(iface.Name, name, argName, type.Name));
                        }
                    }
                }
                foreach (var transitive in iface.Interfaces)
                {
                    if (!type.Interfaces.Contains(transitive))
                    {
                        throw new SchemaException(SchemaMessages.MissingTransitiveInterface(type.Name, transitive.Name, iface.Name));
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
