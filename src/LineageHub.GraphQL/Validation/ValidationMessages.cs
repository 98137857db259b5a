namespace LineageHub.GraphQL.Validation;

/// <summary>Every validation message, worded as graphql-js words it (without its "Did you mean" suggestions).</summary>
public static class ValidationMessages
{
    public static string NotExecutable(string name) => $"The \"{name}\" definition is not executable.";
    public const string SchemaNotExecutable = "The schema definition is not executable.";
    public static string EnumNonEnumValue(string type, string printed) => $"Enum \"{type}\" cannot represent non-enum value: {printed}.";
    public static string EnumValueMissing(string value, string type) => $"Value \"{value}\" does not exist in \"{type}\" enum.";
    public static string DuplicateOperationName(string name) => $"There can be only one operation named \"{name}\".";
    public const string AnonymousOperationNotAlone = "This anonymous operation must be the only defined operation.";
    public static string SubscriptionSingleField(string? name) => name is null ? "Anonymous Subscription must select only one top level field." : $"Subscription \"{name}\" must select only one top level field.";
    public static string SubscriptionIntrospection(string? name) => name is null ? "Anonymous Subscription must not select an introspection top level field." : $"Subscription \"{name}\" must not select an introspection top level field.";
    public static string UnknownField(string field, string type) => $"Cannot query field \"{field}\" on type \"{type}\".";
    public static string FieldConflict(string responseName, string reason) => $"Fields \"{responseName}\" conflict because {reason}. Use different aliases on the fields to fetch both if this was intentional.";
    public static string NoSubselectionAllowed(string field, string type) => $"Field \"{field}\" must not have a selection since type \"{type}\" has no subfields.";
    public static string RequiredSubselection(string field, string type) => $"Field \"{field}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{field} {{ ... }}\"?";
    public static string UnknownArgument(string argument, string type, string field) => $"Unknown argument \"{argument}\" on field \"{type}.{field}\".";
    public static string UnknownDirectiveArgument(string argument, string directive) => $"Unknown argument \"{argument}\" on directive \"@{directive}\".";
    public static string DuplicateArgument(string argument) => $"There can be only one argument named \"{argument}\".";
    public static string MissingFieldArgument(string field, string argument, string type) => $"Field \"{field}\" argument \"{argument}\" of type \"{type}\" is required, but it was not provided.";
    public static string MissingDirectiveArgument(string directive, string argument, string type) => $"Directive \"@{directive}\" argument \"{argument}\" of type \"{type}\" is required, but it was not provided.";
    public static string DuplicateFragmentName(string name) => $"There can be only one fragment named \"{name}\".";
    public static string UnknownType(string name) => $"Unknown type \"{name}\".";
    public static string InlineFragmentNonComposite(string type) => $"Fragment cannot condition on non composite type \"{type}\".";
    public static string FragmentNonComposite(string name, string type) => $"Fragment \"{name}\" cannot condition on non composite type \"{type}\".";
    public static string UnusedFragment(string name) => $"Fragment \"{name}\" is never used.";
    public static string UnknownFragment(string name) => $"Unknown fragment \"{name}\".";
    public static string FragmentCycle(string name, IReadOnlyList<string> via) => via.Count == 0
        ? $"Cannot spread fragment \"{name}\" within itself."
        : $"Cannot spread fragment \"{name}\" within itself via {string.Join(", ", via.Select(v => $"\"{v}\""))}.";
    public static string ImpossibleInlineSpread(string parent, string fragmentType) => $"Fragment cannot be spread here as objects of type \"{parent}\" can never be of type \"{fragmentType}\".";
    public static string ImpossibleSpread(string name, string parent, string fragmentType) => $"Fragment \"{name}\" cannot be spread here as objects of type \"{parent}\" can never be of type \"{fragmentType}\".";
    public static string BadValue(string type, string value) => $"Expected value of type \"{type}\", found {value}.";
    public static string BadValueWithReason(string type, string value, string reason) => $"Expected value of type \"{type}\", found {value}; {reason}";
    public static string UnknownInputField(string field, string type) => $"Field \"{field}\" is not defined by type \"{type}\".";
    public static string DuplicateInputField(string field) => $"There can be only one input field named \"{field}\".";
    public static string MissingInputField(string type, string field, string fieldType) => $"Field \"{type}.{field}\" of required type \"{fieldType}\" was not provided.";
    public static string OneOfExactlyOneKey(string type) => $"OneOf Input Object \"{type}\" must specify exactly one key.";
    public static string OneOfNonNull(string type, string field) => $"Field \"{type}.{field}\" must be non-null.";
    public static string OneOfNullableVariable(string variable, string type) => $"Variable \"{variable}\" must be non-nullable to be used for OneOf Input Object \"{type}\".";
    public static string UnknownDirective(string name) => $"Unknown directive \"@{name}\".";
    public static string MisplacedDirective(string name, string location) => $"Directive \"@{name}\" may not be used on {location}.";
    public static string DuplicateDirective(string name) => $"The directive \"@{name}\" can only be used once at this location.";
    public static string DuplicateVariable(string name) => $"There can be only one variable named \"${name}\".";
    public static string NonInputVariable(string name, string type) => $"Variable \"${name}\" cannot be non-input type \"{type}\".";
    public static string UndefinedVariable(string name, string? operation) => operation is null
        ? $"Variable \"${name}\" is not defined."
        : $"Variable \"${name}\" is not defined by operation \"{operation}\".";
    public static string UnusedVariable(string name, string? operation) => operation is null
        ? $"Variable \"${name}\" is never used."
        : $"Variable \"${name}\" is never used in operation \"{operation}\".";
    public static string BadVariablePosition(string name, string variableType, string expectedType) => $"Variable \"${name}\" of type \"{variableType}\" used in position expecting type \"{expectedType}\".";
    public static string TooDeep(int depth, int max) => $"Operation has depth {depth}, which exceeds the maximum depth of {max}.";
    public static string TooCostly(long cost, int max) => $"Operation has cost {cost}, which exceeds the maximum cost of {max}.";
}
