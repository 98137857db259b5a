// Uniqueness constraints (each backed by an index) and the indexes the adapter's queries use.
// Statements end with ';' at the end of a line; each runs on its own, since Neo4j does not mix schema
// commands with others in one transaction. IF NOT EXISTS lets a migration interrupted half-way resume.
CREATE CONSTRAINT schema_migration_name IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.name IS UNIQUE;
CREATE CONSTRAINT ledger_head_id IF NOT EXISTS FOR (h:LedgerHead) REQUIRE h.id IS UNIQUE;
CREATE CONSTRAINT ledger_entry_seq IF NOT EXISTS FOR (e:LedgerEntry) REQUIRE e.seq IS UNIQUE;
// A retried append is recognised by its id: the constraint makes a second write of it impossible.
CREATE CONSTRAINT ledger_entry_append_id IF NOT EXISTS FOR (e:LedgerEntry) REQUIRE e.appendId IS UNIQUE;
CREATE CONSTRAINT tree_head_size IF NOT EXISTS FOR (h:TreeHead) REQUIRE h.size IS UNIQUE;
CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT edge_id IF NOT EXISTS FOR ()-[e:EDGE]-() REQUIRE e.id IS UNIQUE;
CREATE RANGE INDEX node_kind_key IF NOT EXISTS FOR (n:Node) ON (n.kind, n.key);
CREATE RANGE INDEX ledger_entry_time IF NOT EXISTS FOR (e:LedgerEntry) ON (e.time);
