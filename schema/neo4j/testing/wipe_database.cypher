// Tests only (never shipped in the adapter): empties the database between contract tests.
MATCH (n)
DETACH DELETE n
