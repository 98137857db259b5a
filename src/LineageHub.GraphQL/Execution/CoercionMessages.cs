namespace LineageHub.GraphQL.Execution;

/// <summary>
/// Every input and result coercion message (scalars, enums, input objects, variables, arguments), worded as
/// graphql-js words them so conformance tests compare them exactly.
/// </summary>
public static class CoercionMessages
{
    public static string IntOutOfRange(object? value) => $"Int cannot represent non 32-bit signed integer value: {value}";
    public static string IntNonInteger(object? value) => $"Int cannot represent non-integer value: {value}";
    public static string FloatNonNumeric(object? value) => $"Float cannot represent non numeric value: {value}";
    public static string StringNonString(object? value) => $"String cannot represent a non string value: {value}";
    public static string BooleanNonBoolean(object? value) => $"Boolean cannot represent a non boolean value: {value}";
    public static string IdCannotRepresent(object? value) => $"ID cannot represent value: {value}";
    public static string IdNonStringNonInteger(object? value) => $"ID cannot represent a non-string and non-integer value: {value}";
    public static string StringCannotRepresent(object? value) => $"String cannot represent value: {value}";
    public static string NonNullIsNull(object? type) => $"Expected non-nullable type \"{type}\" not to be null.";
    public static string EnumNonString(object? type, object? value) => $"Enum \"{type}\" cannot represent non-string value: {value}.";
    public static string EnumValueMissing(object? value, object? type) => $"Value {value} does not exist in \"{type}\" enum.";
    public static string ExpectedType(object? type) => $"Expected type \"{type}\".";
    public static string ExpectedTypeBecause(object? type, object? reason) => $"Expected type \"{type}\". {reason}";
    public static string ExpectedObject(object? type) => $"Expected type \"{type}\" to be an object.";
    public static string InputFieldMissing(object? field, object? type) => $"Field \"{field}\" of required type \"{type}\" was not provided.";
    public static string InputFieldUnknown(object? field, object? type) => $"Field \"{field}\" is not defined by type \"{type}\".";
    public static string OneOfExactlyOne(object? type) => $"Exactly one key must be specified for OneOf type \"{type}\".";
    public static string OneOfFieldNull(object? field) => $"Field \"{field}\" must be non-null.";
    public static string VariableNotInputType(object? variable, object? type) => $"Variable \"${variable}\" expected value of type \"{type}\" which cannot be used as an input type.";
    public static string VariableNull(object? variable, object? type) => $"Variable \"${variable}\" of non-null type \"{type}\" must not be null.";
    public static string VariableMissing(object? variable, object? type) => $"Variable \"${variable}\" of required type \"{type}\" was not provided.";
    public static string ArgumentMissing(object? argument, object? type) => $"Argument \"{argument}\" of required type \"{type}\" was not provided.";
    public static string ArgumentVariableMissing(object? argument, object? type, object? variable) => $"Argument \"{argument}\" of required type \"{type}\" was provided the variable \"${variable}\" which was not provided a runtime value.";
    public static string ArgumentNull(object? argument, object? type) => $"Argument \"{argument}\" of non-null type \"{type}\" must not be null.";
    public static string ArgumentInvalid(object? argument, object? value) => $"Argument \"{argument}\" has invalid value {value}.";
}
