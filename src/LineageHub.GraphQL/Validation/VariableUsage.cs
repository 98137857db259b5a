using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Validation;

/// <summary>A variable used at a position expecting <see cref="Type"/>; <see cref="HasLocationDefault"/> when that position has a default.</summary>
internal sealed record VariableUsage(VariableNode Node, GraphQLType? Type, bool HasLocationDefault);
