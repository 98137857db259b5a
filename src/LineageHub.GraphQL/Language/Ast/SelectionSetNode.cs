namespace LineageHub.GraphQL.Language.Ast;

/// <summary>A braced list of selections (spec 2.4).</summary>
public sealed record SelectionSetNode(Location Location, IReadOnlyList<SelectionNode> Selections) : Node(Location)
{
    /// <summary>
    /// The selections as a span, for the validator's walks: the parser stores an array, and indexing it
    /// through the list interface cost an interface dispatch per selection. A set built by hand around
    /// another list is copied.
    /// </summary>
    internal ReadOnlySpan<SelectionNode> SelectionSpan => Selections as SelectionNode[] ?? [.. Selections];
}
