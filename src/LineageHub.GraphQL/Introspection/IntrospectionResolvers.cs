using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Language;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Introspection;

/// <summary>Binds the fields of the introspection types (spec 4.2) to the schema's own type objects.</summary>
internal static class IntrospectionResolvers
{
    public static void Bind(Schema schema)
    {
        schema.Resolve("__Schema", "description", c => ((Schema)c.Source!).Description);
        schema.Resolve("__Schema", "types", c => ((Schema)c.Source!).Types.Values.ToList());
        schema.Resolve("__Schema", "queryType", c => ((Schema)c.Source!).QueryType);
        schema.Resolve("__Schema", "mutationType", c => ((Schema)c.Source!).MutationType);
        schema.Resolve("__Schema", "subscriptionType", c => ((Schema)c.Source!).SubscriptionType);
        schema.Resolve("__Schema", "directives", c => ((Schema)c.Source!).Directives.Values.ToList());

        schema.Resolve("__Type", "kind", c => KindName(((GraphQLType)c.Source!).Kind));
        schema.Resolve("__Type", "name", c => (c.Source as NamedType)?.Name);
        schema.Resolve("__Type", "description", c => (c.Source as NamedType)?.Description);
        schema.Resolve("__Type", "specifiedByURL", c => (c.Source as ScalarType)?.SpecifiedByUrl);
        schema.Resolve("__Type", "fields", c => c.Source is IFieldsType f
            ? f.Fields.Values.Where(v => IncludeDeprecated(c) || v.DeprecationReason is null).ToList()
            : null);
        schema.Resolve("__Type", "interfaces", c => (c.Source as IFieldsType)?.Interfaces);
        schema.Resolve("__Type", "possibleTypes", c => c.Source is InterfaceType or UnionType ? c.Schema.GetPossibleTypes((NamedType)c.Source) : null);
        schema.Resolve("__Type", "enumValues", c => c.Source is EnumType e
            ? e.Values.Values.Where(v => IncludeDeprecated(c) || v.DeprecationReason is null).ToList()
            : null);
        schema.Resolve("__Type", "inputFields", c => c.Source is InputObjectType i
            ? i.Fields.Values.Where(v => IncludeDeprecated(c) || v.DeprecationReason is null).ToList()
            : null);
        schema.Resolve("__Type", "ofType", c => c.Source switch
        {
            ListType l => l.OfType,
            NonNullType n => n.OfType,
            _ => null,
        });
        schema.Resolve("__Type", "isOneOf", c => c.Source is InputObjectType i ? i.IsOneOf : null);

        schema.Resolve("__Field", "name", c => ((FieldDefinition)c.Source!).Name);
        schema.Resolve("__Field", "description", c => ((FieldDefinition)c.Source!).Description);
        schema.Resolve("__Field", "args", c => ((FieldDefinition)c.Source!).Arguments.Values.Where(v => IncludeDeprecated(c) || v.DeprecationReason is null).ToList());
        schema.Resolve("__Field", "type", c => ((FieldDefinition)c.Source!).Type);
        schema.Resolve("__Field", "isDeprecated", c => ((FieldDefinition)c.Source!).DeprecationReason is not null);
        schema.Resolve("__Field", "deprecationReason", c => ((FieldDefinition)c.Source!).DeprecationReason);

        schema.Resolve("__InputValue", "name", c => ((InputValue)c.Source!).Name);
        schema.Resolve("__InputValue", "description", c => ((InputValue)c.Source!).Description);
        schema.Resolve("__InputValue", "type", c => ((InputValue)c.Source!).Type);
        schema.Resolve("__InputValue", "defaultValue", c => ((InputValue)c.Source!).DefaultValue is { } d ? Printer.Print(d) : null);
        schema.Resolve("__InputValue", "isDeprecated", c => ((InputValue)c.Source!).DeprecationReason is not null);
        schema.Resolve("__InputValue", "deprecationReason", c => ((InputValue)c.Source!).DeprecationReason);

        schema.Resolve("__EnumValue", "name", c => ((EnumValueDefinition)c.Source!).Name);
        schema.Resolve("__EnumValue", "description", c => ((EnumValueDefinition)c.Source!).Description);
        schema.Resolve("__EnumValue", "isDeprecated", c => ((EnumValueDefinition)c.Source!).DeprecationReason is not null);
        schema.Resolve("__EnumValue", "deprecationReason", c => ((EnumValueDefinition)c.Source!).DeprecationReason);

        schema.Resolve("__Directive", "name", c => ((DirectiveDefinition)c.Source!).Name);
        schema.Resolve("__Directive", "description", c => ((DirectiveDefinition)c.Source!).Description);
        schema.Resolve("__Directive", "isRepeatable", c => ((DirectiveDefinition)c.Source!).IsRepeatable);
        schema.Resolve("__Directive", "locations", c => ((DirectiveDefinition)c.Source!).Locations);
        schema.Resolve("__Directive", "args", c => ((DirectiveDefinition)c.Source!).Arguments.Values.Where(v => IncludeDeprecated(c) || v.DeprecationReason is null).ToList());
    }

    private static bool IncludeDeprecated(ResolveFieldContext context) =>
        context.Arguments.TryGetValue("includeDeprecated", out var v) && v is true;

    private static string KindName(TypeKind kind) => kind switch
    {
        TypeKind.Scalar => "SCALAR",
        TypeKind.Object => "OBJECT",
        TypeKind.Interface => "INTERFACE",
        TypeKind.Union => "UNION",
        TypeKind.Enum => "ENUM",
        TypeKind.InputObject => "INPUT_OBJECT",
        TypeKind.List => "LIST",
        _ => "NON_NULL",
    };
}
