// Records a migration file as applied (MERGE: two servers starting at once record it once).
// @param name STRING
// @param appliedAt STRING
MERGE (m:SchemaMigration {name: $name})
  ON CREATE SET m.appliedAt = $appliedAt
RETURN m.name AS name
