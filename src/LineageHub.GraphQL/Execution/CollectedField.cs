using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Execution;

/// <summary>One response key of a collected selection set: its merged field nodes and definition.</summary>
internal sealed class CollectedField(string responseKey, FieldDefinition definition)
{
    public string ResponseKey { get; } = responseKey;

    public FieldDefinition Definition { get; } = definition;

    public List<FieldNode> Nodes { get; } = [];
}
