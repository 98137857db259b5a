using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Validation;

/// <summary>
/// A fragment definition of the document with its type condition resolved against the schema once, so
/// the rules that follow spreads (several per spread) look up neither the fragment nor its type again.
/// </summary>
/// <param name="Definition">The fragment as the document defines it.</param>
/// <param name="Type">The type condition's type; null when the schema has no such type (another rule's error).</param>
internal sealed record KnownFragment(FragmentDefinitionNode Definition, NamedType? Type);
