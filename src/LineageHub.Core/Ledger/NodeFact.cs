namespace LineageHub.Core.Ledger;

using LineageHub.Core.Domain;

/// <summary>A node and its canonical properties, as a change set asserts it.</summary>
public sealed record NodeFact(NodeKey Key, byte[] Properties);
