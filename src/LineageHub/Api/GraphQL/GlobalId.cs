using System.Text.Json;
using LineageHub.Core.Domain;
using LineageHub.GraphQL.Execution;

namespace LineageHub.Api.GraphQL;

/// <summary>
/// A node's global id (<c>kind:key</c>) as a result value: written into the response from its two parts,
/// so a page of hundreds of nodes does not build hundreds of id strings only to write them.
/// </summary>
internal sealed class GlobalId(NodeKey key) : IJsonStringValue
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        // Put together on the stack and written whole: three segments cost three escaping passes.
        var kind = NodeKinds.Name(key.Kind);
        var length = kind.Length + 1 + key.Key.Length;
        Span<char> text = length <= 256 ? stackalloc char[length] : new char[length];
        kind.CopyTo(text);
        text[kind.Length] = ':';
        key.Key.CopyTo(text[(kind.Length + 1)..]);
        writer.WriteStringValue(text);
    }

    public override string ToString() => key.ToString();
}
