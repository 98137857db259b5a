namespace LineageHub.GraphQL.Execution;

/// <summary>Loads many keys in one round trip; keys missing from the result load as default (null).</summary>
public delegate Task<IReadOnlyDictionary<TKey, TValue>> BatchLoadFunction<TKey, TValue>(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    where TKey : notnull;
