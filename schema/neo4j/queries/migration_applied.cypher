// Whether a migration file has been applied to this database.
// @param name STRING
MATCH (m:SchemaMigration {name: $name})
RETURN count(m) AS applied
