// Writes the entry and advances the head, only if the head is still at the size the entry was planned
// for: no row back means another writer got there first, and the transaction is rolled back and retried.
// @param seq INTEGER
// @param time STRING
// @param entry STRING
// @param leafHash STRING
// @param appendId STRING
// @param nodesUnchanged INTEGER
// @param edgesUnchanged INTEGER
MATCH (h:LedgerHead {id: 'ledger'})
WHERE h.size = $seq
CREATE (e:LedgerEntry {seq: $seq, time: $time, entry: $entry, leafHash: $leafHash, appendId: $appendId,
  nodesUnchanged: $nodesUnchanged, edgesUnchanged: $edgesUnchanged})
SET h.size = $seq + 1, h.time = $time
RETURN h.size AS size
