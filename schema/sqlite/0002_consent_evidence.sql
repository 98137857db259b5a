-- Bulk evidence that ledger facts commit to by Merkle root (schema/consent.md, "Storage"), written in the
-- same transaction as the fact. Content-addressed: a root names exactly one content, so rows never change.
-- Rowid tables (not WITHOUT ROWID) and no foreign key from consent_subjects: a row holding a blob of
-- many megabytes must not be read again for every index row inserted beside it.

-- A dataset version's subject set: members are the sorted 32-byte pseudonyms, concatenated.
CREATE TABLE subject_sets (
    root    BLOB    NOT NULL UNIQUE CHECK (length(root) = 32),
    count   INTEGER NOT NULL,
    members BLOB    NOT NULL CHECK (length(members) = 32 * count)
);

-- A consent batch: its canonical records, each after a 2-byte big-endian length, in order.
CREATE TABLE consent_batches (
    root    BLOB    NOT NULL UNIQUE CHECK (length(root) = 32),
    count   INTEGER NOT NULL,
    records BLOB    NOT NULL
);

-- Which batches hold records of a subject, and at which leaf: the index behind impact queries.
-- Replaced by the sparse consent_fences of 0003, which drops this table.
CREATE TABLE consent_subjects (
    subject BLOB    NOT NULL CHECK (length(subject) = 32),
    batch   BLOB    NOT NULL,
    leaf    INTEGER NOT NULL,
    PRIMARY KEY (subject, batch, leaf)
) WITHOUT ROWID;
