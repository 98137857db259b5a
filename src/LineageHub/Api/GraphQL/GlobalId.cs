using System.Text.Json;
using LineageHub.Core.Domain;
using LineageHub.GraphQL.Execution;

namespace LineageHub.Api.GraphQL;

/// <summary>
/// A node's global id (<c>kind:key</c>) as a result value: written into the response from its two parts,
/// so a page of hundreds of nodes does not build hundreds of id strings only to write them.
/// </summary>
internal sealed class GlobalId : IJsonStringValue
{
    private readonly NodeKey _key;
    private readonly JsonEncodedText? _encoded;

    public GlobalId(NodeKey key) => _key = key;

    private GlobalId(NodeKey key, JsonEncodedText encoded)
    {
        _key = key;
        _encoded = encoded;
    }

    /// <summary>An id encoded for JSON once, for a value written many times (a kept view's).</summary>
    public static GlobalId Encoded(NodeKey key) => new(key, JsonEncodedText.Encode(key.ToString()));

    public void WriteTo(Utf8JsonWriter writer)
    {
        if (_encoded is { } encoded)
        {
            writer.WriteStringValue(encoded);
            return;
        }
        // Put together on the stack and written whole: three segments cost three escaping passes.
        var kind = NodeKinds.Name(_key.Kind);
        var length = kind.Length + 1 + _key.Key.Length;
        Span<char> text = length <= 256 ? stackalloc char[length] : new char[length];
        kind.CopyTo(text);
        text[kind.Length] = ':';
        _key.Key.CopyTo(text[(kind.Length + 1)..]);
        writer.WriteStringValue(text);
    }

    public override string ToString() => _key.ToString();
}
