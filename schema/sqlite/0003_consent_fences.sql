-- The subject index of consent batches becomes sparse (schema/consent.md, "Storage"). A batch's records
-- are sorted by their canonical bytes, so by subject first; a fence every `stride` records (the record's
-- 32-byte subject, then the 4-byte big-endian offset of its length prefix in consent_batches.records) is
-- enough to binary-search a subject and read only that part of the blob. consent_subjects held one row
-- per record, which cost more to write than the records themselves.
--
-- A table of its own, not a column of consent_batches: SQLite stores a row as one payload, so a column
-- after a blob of many megabytes is reached only by walking the blob's overflow pages. Keyed by the
-- batch root rather than the rowid, which VACUUM may renumber.
CREATE TABLE consent_fences (
    batch  BLOB    NOT NULL PRIMARY KEY CHECK (length(batch) = 32),
    stride INTEGER NOT NULL CHECK (stride > 0),
    fences BLOB    NOT NULL
);

-- The fences of batches stored before this migration are computed in code right after this script, in
-- the same transaction (SqliteMigrator), so the migration is all or nothing.
DROP TABLE consent_subjects;
