namespace LineageHub.Api.GraphQL;

/// <summary>One field of a <see cref="NodeView"/>: its slot among the view's values and how to make its value from the view.</summary>
internal sealed record ViewField(int Slot, Func<NodeView, object?> Read);
