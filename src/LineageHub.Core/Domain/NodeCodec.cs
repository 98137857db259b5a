using System.Text.Json;
using System.Text.Json.Serialization;
using LineageHub.Core.Canonical;

namespace LineageHub.Core.Domain;

/// <summary>Turns node records into their canonical property bytes and back.</summary>
public static class NodeCodec
{
    /// <summary>camelCase members, snake_case enum values, nulls omitted (so adding an optional field changes no existing bytes).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        MaxDepth = CanonicalJson.MaxDepth,
    };

    public static byte[] Encode(INode node) => CanonicalJson.Encode(JsonSerializer.SerializeToElement(node, node.GetType(), Options));

    public static T Decode<T>(ReadOnlySpan<byte> properties)
        where T : INode =>
        JsonSerializer.Deserialize<T>(properties, Options) ?? throw LineageHubException.Corrupt($"stored {typeof(T).Name} properties are null");

    /// <summary>The record type that holds the properties of nodes of <paramref name="kind"/>.</summary>
    public static Type RecordType(NodeKind kind) => kind switch
    {
        NodeKind.Dataset => typeof(Dataset),
        NodeKind.DatasetVersion => typeof(DatasetVersion),
        NodeKind.SourceSystem => typeof(SourceSystem),
        NodeKind.Job => typeof(Job),
        NodeKind.Run => typeof(Run),
        NodeKind.Model => typeof(Model),
        NodeKind.ModelVersion => typeof(ModelVersion),
        NodeKind.Repository => typeof(Repository),
        NodeKind.Commit => typeof(Commit),
        NodeKind.SourceFile => typeof(SourceFile),
        NodeKind.DataSubject => typeof(DataSubject),
        NodeKind.Consent => typeof(Consent),
        NodeKind.Verification => typeof(Verification),
        NodeKind.ConsentBatch => typeof(ConsentBatch),
        NodeKind.BasisDeclaration => typeof(BasisDeclaration),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Reads stored properties as the record of their kind.</summary>
    public static INode Decode(NodeKind kind, ReadOnlySpan<byte> properties) =>
        (INode)(JsonSerializer.Deserialize(properties, RecordType(kind), Options) ?? throw LineageHubException.Corrupt($"stored {NodeKinds.Name(kind)} properties are null"));
}
