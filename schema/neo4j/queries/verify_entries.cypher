// A page of ledger entries for full re-verification.
// @param from INTEGER
// @param limit INTEGER
MATCH (e:LedgerEntry)
WHERE e.seq >= $from
RETURN e.seq AS seq, e.time AS time, e.entry AS entry, e.leafHash AS leafHash
ORDER BY e.seq
LIMIT $limit
