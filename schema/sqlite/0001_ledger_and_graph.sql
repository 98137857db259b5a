-- The verifiable ledger and the graph projections written from it in the same transaction.
-- Applied once, in file-name order, and recorded in schema_migrations.

-- One row per ledger entry. entry holds the canonical bytes (schema/ledger.md); leaf_hash is
-- SHA-256(0x00 || entry), the RFC 9162 leaf. time is fixed-width UTC text, so it sorts as time does.
CREATE TABLE ledger_entries (
    seq       INTEGER PRIMARY KEY,
    time      TEXT    NOT NULL,
    entry     BLOB    NOT NULL,
    leaf_hash BLOB    NOT NULL CHECK (length(leaf_hash) = 32)
);
CREATE INDEX ledger_entries_by_time ON ledger_entries (time);

-- A signed tree head after every committed batch of entries.
CREATE TABLE tree_heads (
    size      INTEGER PRIMARY KEY,
    root      BLOB    NOT NULL CHECK (length(root) = 32),
    time      TEXT    NOT NULL,
    signature BLOB    NOT NULL,
    key_id    TEXT    NOT NULL
);

-- Nodes: id is the node's ordinal in ledger order; seq is the entry that created it.
CREATE TABLE nodes (
    id    INTEGER PRIMARY KEY,
    kind  TEXT    NOT NULL,
    key   TEXT    NOT NULL,
    props BLOB    NOT NULL,
    seq   INTEGER NOT NULL REFERENCES ledger_entries (seq),
    UNIQUE (kind, key)
);

CREATE TABLE edges (
    id    INTEGER PRIMARY KEY,
    kind  TEXT    NOT NULL,
    src   INTEGER NOT NULL REFERENCES nodes (id),
    dst   INTEGER NOT NULL REFERENCES nodes (id),
    props BLOB    NOT NULL,
    seq   INTEGER NOT NULL REFERENCES ledger_entries (seq),
    UNIQUE (src, kind, dst)
);
CREATE INDEX edges_by_dst ON edges (dst, kind);
