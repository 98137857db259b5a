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
        writer.WriteStringValueSegment(NodeKinds.Name(key.Kind), isFinalSegment: false);
        writer.WriteStringValueSegment(":", isFinalSegment: false);
        writer.WriteStringValueSegment(key.Key, isFinalSegment: true);
    }

    public override string ToString() => key.ToString();
}
