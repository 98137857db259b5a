namespace LineageHub.GraphQL.Types;

/// <summary>Every message of schema building and binding, worded as graphql-js words schema errors where it has one.</summary>
public static class SchemaMessages
{
    public const string OneSchemaDefinition = "Must provide only one schema definition.";
    public const string OnlyTypeSystem = "A schema document may contain only type system definitions and extensions.";
    public const string QueryRootRequired = "Query root type must be provided.";

    public static string NotCustomScalar(string name) => $"\"{name}\" is not a custom scalar of this schema.";
    public static string NotAbstract(string name) => $"\"{name}\" is not an interface or union of this schema.";
    public static string NotObject(string name) => $"\"{name}\" is not an object type of this schema.";
    public static string NotEnum(string name) => $"\"{name}\" is not an enum type of this schema.";
    public static string NoEnumValue(string type, string value) => $"Enum \"{type}\" has no value \"{value}\".";
    public static string NoField(string type, string field) => $"Type \"{type}\" has no field \"{field}\".";
    public static string UnionMemberNotObject(string union, string member) => $"Union type {union} can only include Object types, it cannot include {member}.";
    public static string DuplicateEnumValue(string type, string value) => $"Enum value \"{type}.{value}\" can only be defined once.";
    public static string DuplicateField(string type, string field) => $"Field \"{type}.{field}\" can only be defined once.";
    public static string DuplicateArgument(string type, string field, string argument) => $"Argument \"{type}.{field}({argument}:)\" can only be defined once.";
    public static string ImplementsNonInterface(string type, string other) => $"Type {type} must only implement Interface types, it cannot implement {other}.";
    public static string NotOutputType(string type, string field, string fieldType) => $"The type of {type}.{field} must be Output Type but got: {fieldType}.";
    public static string NotInputType(string name, string type) => $"The type of \"{name}\" must be Input Type but got: {type}.";
    public static string ImplementsItself(string type) => $"Type {type} cannot implement itself because it would create a circular reference.";
    public static string MissingInterfaceField(string iface, string field, string type) => $"Interface field {iface}.{field} expected but {type} does not provide it.";
    public static string MissingInterfaceArgument(string iface, string field, string argument, string type) => $"Interface field argument {iface}.{field}({argument}:) expected but {type}.{field} does not provide it.";
    public static string MissingTransitiveInterface(string type, string transitive, string iface) => $"Type {type} must implement {transitive} because it is implemented by {iface}.";
    public static string ExtendUndefined(string name) => $"Cannot extend type \"{name}\" because it is not defined.";
    public static string ExtendWrongKind(string kind, string name) => $"Cannot extend non-{kind} type \"{name}\".";
    public static string DuplicateType(string name) => $"There can be only one type named \"{name}\".";
    public static string UnknownType(string name) => $"Unknown type \"{name}\".";
    public static string DuplicateDirective(string name) => $"There can be only one directive named \"@{name}\".";
    public static string RootNotObject(string operation, string type) => $"{operation} root type must be Object type, it cannot be {type}.";
}
