using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Execution;

/// <summary>One response key of a collected selection set: its merged field nodes and definition.</summary>
internal sealed class CollectedField(string responseKey, FieldDefinition definition)
{
    public string ResponseKey { get; } = responseKey;

    public FieldDefinition Definition { get; } = definition;

    public List<FieldNode> Nodes { get; } = [];

    /// <summary>
    /// The sub-selection last collected for this field and the object type it was collected for: the
    /// field of every item of a list asks again for the same type, and this answers it without a lookup.
    /// One reference, so a reader never sees the type of one collection with the set of another.
    /// </summary>
    public Subselection? LastSubselection { get; set; }

    /// <summary>A field's collected sub-selection for one object type.</summary>
    public sealed record Subselection(ObjectType Type, CollectedSet Set);
}
