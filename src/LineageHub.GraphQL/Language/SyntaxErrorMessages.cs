namespace LineageHub.GraphQL.Language;

/// <summary>The wording of every syntax error, worded as graphql-js words them so conformance tests can compare.</summary>
public static class SyntaxErrorMessages
{
    public const string UnterminatedString = "Unterminated string.";
    public const string SingleQuote = "Unexpected single quote character ('), did you mean to use a double quote (\")?";

    public static string UnexpectedCharacter(string printed) => $"Unexpected character: {printed}.";
    public static string InvalidCharacter(string printed) => $"Invalid character: {printed}.";
    public static string InvalidCharacterInString(string printed) => $"Invalid character within String: {printed}.";
    public static string InvalidEscape(string escape) => $"Invalid character escape sequence: \"{escape}\".";
    public static string InvalidUnicodeEscape(string escape) => $"Invalid Unicode escape sequence: \"{escape}\".";
    public static string UnexpectedDigitAfterZero(string printed) => $"Invalid number, unexpected digit after 0: {printed}.";
    public static string ExpectedDigit(string printed) => $"Invalid number, expected digit but got: {printed}.";
    public const string DescriptionNotAllowed = "Unexpected description, descriptions are supported only on type definitions.";
    public static string ReservedEnumValue(string name) => $"Name \"{name}\" is reserved and cannot be used for an enum value.";
    public static string Expected(string expected, string found) => $"Expected {expected}, found {found}.";
    public static string Unexpected(string found) => $"Unexpected {found}.";
    public static string DocumentTooLarge(int length, int max) => $"Document of {length} characters exceeds the limit of {max}.";
    public static string TooManyTokens(int max) => $"Document contains more than {max} tokens.";
    public static string TooDeep(int max) => $"Document nesting exceeds the maximum depth of {max}.";
}
