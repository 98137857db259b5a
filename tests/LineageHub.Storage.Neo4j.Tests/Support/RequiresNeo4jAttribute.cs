namespace LineageHub.Storage.Neo4j.Tests.Support;

/// <summary>
/// Marks a test class whose every test needs a real Neo4j. Where none can be had, <see cref="Neo4jTestFramework"/>
/// reports each of its tests (inherited ones included) as skipped with <see cref="Neo4jTarget.SkipReason"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresNeo4jAttribute : Attribute;
