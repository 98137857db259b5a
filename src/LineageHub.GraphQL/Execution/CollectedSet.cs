using System.Text.Json;

namespace LineageHub.GraphQL.Execution;

/// <summary>
/// A collected selection set, cached per (object type, field node): its fields, and the response keys
/// (plain and JSON-encoded) that every result object built from it shares.
/// </summary>
internal sealed class CollectedSet
{
    public CollectedSet(CollectedField[] fields)
    {
        Fields = fields;
        Keys = [.. fields.Select(f => f.ResponseKey)];
        EncodedKeys = [.. fields.Select(f => JsonEncodedText.Encode(f.ResponseKey))];
    }

    public CollectedField[] Fields { get; }

    public string[] Keys { get; }

    public JsonEncodedText[] EncodedKeys { get; }
}
