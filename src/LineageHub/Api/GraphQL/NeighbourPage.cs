using LineageHub.Core.Domain;

namespace LineageHub.Api.GraphQL;

/// <summary>One parent's page of a neighbour list: the key of a <see cref="NeighbourListField"/>'s DataLoader.</summary>
internal readonly record struct NeighbourPage(NodeKey Node, OffsetPage Page);
