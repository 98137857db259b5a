// Leaf hashes from a position on: how a server catches its in-memory tree up with appends made by others.
// @param from INTEGER
// @param limit INTEGER
MATCH (e:LedgerEntry)
WHERE e.seq >= $from
RETURN e.seq AS seq, e.leafHash AS leafHash
ORDER BY e.seq
LIMIT $limit
