using System.Text.Json;

namespace LineageHub.GraphQL.Execution;

/// <summary>
/// A leaf value that writes itself into the response as one JSON string, for values a resolver would
/// otherwise build a string for only to have it written (an id made of parts: its kind and its key).
/// <c>ID</c> and <c>String</c> fields accept it as it is; its <see cref="object.ToString"/> must give the same text.
/// </summary>
public interface IJsonStringValue
{
    /// <summary>Writes the value as one JSON string value.</summary>
    void WriteTo(Utf8JsonWriter writer);
}
