using System.Globalization;
using System.Text.Json;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Lineage;
using LineageHub.Core.Storage;
using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Types;

namespace LineageHub.Api.GraphQL;

/// <summary>
/// The LineageHub GraphQL API: the contract in <c>schema/lineagehub.graphql</c> (shipped inside the
/// assembly) with every resolver bound explicitly. Resolvers read the store through the request's
/// DataLoaders; expected failures become errors with a code.
/// </summary>
public static partial class LineageSchema
{
    /// <summary>The SDL of the API exactly as the schema file has it.</summary>
    public static string Sdl { get; } = ReadSdl();

    /// <summary>A schema bound to <paramref name="store"/>; <c>verifyNow</c> queues on <paramref name="verification"/>.</summary>
    public static Schema Create(ILineageStore store, LineageHub.Integrity.IVerificationQueue? verification = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var schema = Schema.FromSdl(Sdl);
        BindScalars(schema);
        BindEnums(schema);
        BindQueries(schema, store);
        BindNodes(schema, store);
        BindLedger(schema, store);
        BindMutations(schema, store);
        BindDiff(schema, store);
        BindConsent(schema, store);
        BindIntegrity(schema, store, verification);
        return schema;
    }

    private static string ReadSdl()
    {
        using var stream = typeof(LineageSchema).Assembly.GetManifestResourceStream("lineagehub.graphql")
            ?? throw new InvalidOperationException("the GraphQL schema is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void BindScalars(Schema schema)
    {
        schema.BindScalar("DateTime",
            serialize: v => v switch
            {
                DateTimeText text => text,
                DateTimeOffset t => new DateTimeText(t),
                _ => throw new CoercionException($"DateTime cannot represent {v}"),
            },
            parseValue: v => ParseDateTime(v as string ?? throw new CoercionException(ApiMessages.DateTimeWithoutOffset(Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""))));
        schema.BindScalar("Digest",
            serialize: v => v is Digest d ? d.ToString() : throw new CoercionException($"Digest cannot represent {v}"),
            parseValue: v => v is string s && Digest.TryParse(s, out var d) ? d : throw new CoercionException(ApiMessages.NotDigest(Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")));
        schema.BindScalar("JSON",
            serialize: v => v is JsonElement e ? e : JsonSerializer.SerializeToElement(v, v.GetType()),
            parseValue: v => JsonSerializer.SerializeToElement(v, v.GetType()));
    }

    private static DateTimeOffset ParseDateTime(string text)
    {
        // A time without its offset is ambiguous; refuse it as the CLI's --as-of does.
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset && text.Contains('T', StringComparison.Ordinal) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new CoercionException(ApiMessages.DateTimeWithoutOffset(text));
    }

    private static void BindEnums(Schema schema)
    {
        foreach (var kind in Enum.GetValues<NodeKind>())
        {
            schema.BindEnumValue("NodeKind", NodeKinds.Name(kind).ToUpperInvariant(), kind);
        }
        foreach (var kind in Enum.GetValues<EdgeKind>())
        {
            schema.BindEnumValue("EdgeKind", EdgeRules.Name(kind), kind);
        }
        BindEnum<LineageDirection>(schema, "LineageDirection");
        BindEnum<RunStatus>(schema, "RunStatus");
        BindEnum<JobType>(schema, "JobType");
        BindEnum<SnapshotMode>(schema, "SnapshotMode");
        BindEnum<SourceSystemKind>(schema, "SourceSystemKind");
        BindEnum<TruncationReason>(schema, "TruncationReason");
    }

    // The GraphQL names are the C# names in upper case (the multi-word ones are bound above).
    private static void BindEnum<T>(Schema schema, string name)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            schema.BindEnumValue(name, value.ToString().ToUpperInvariant(), value);
        }
    }
}
