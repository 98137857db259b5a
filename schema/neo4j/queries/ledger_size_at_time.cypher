// The ledger size as of a time: the entries written at or before it, below the newest head.
// @param time STRING
// @param size INTEGER
MATCH (e:LedgerEntry)
WHERE e.time <= $time AND e.seq < $size
RETURN coalesce(max(e.seq) + 1, 0) AS size
