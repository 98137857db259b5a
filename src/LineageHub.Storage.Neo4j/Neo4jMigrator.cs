using System.Globalization;
using LineageHub.Storage.Neo4j.Cypher;
using LineageHub.Storage.Neo4j.Http;

namespace LineageHub.Storage.Neo4j;

/// <summary>
/// Applies the migrations of schema/neo4j/migrations (embedded) that the database has not recorded,
/// in name order, then records each as a <c>:SchemaMigration</c> node so it is never applied again.
/// Each statement runs in its own transaction (Neo4j keeps schema commands apart), and every one is
/// idempotent, so servers starting together, or a start interrupted half-way, end in the same state.
/// </summary>
internal static class Neo4jMigrator
{
    public static async Task MigrateAsync(QueryApiClient client, TimeProvider time, CancellationToken cancellationToken)
    {
        foreach (var (name, statements) in CypherCatalog.Migrations())
        {
            var applied = await client.RunAsync(CypherCatalog.Get("migration_applied"), new Dictionary<string, object?> { ["name"] = name }, cancellationToken).ConfigureAwait(false);
            if (applied.Int64(0, "applied") > 0)
            {
                continue;
            }
            foreach (var statement in statements)
            {
                await client.RunAsync(statement, null, cancellationToken).ConfigureAwait(false);
            }
            await client.RunAsync(CypherCatalog.Get("migration_record"), new Dictionary<string, object?>
            {
                ["name"] = name,
                ["appliedAt"] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            }, cancellationToken).ConfigureAwait(false);
        }
    }
}
