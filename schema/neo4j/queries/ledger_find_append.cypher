// A retried append asks whether an earlier attempt of it already committed.
// @param appendId STRING
MATCH (e:LedgerEntry {appendId: $appendId})
RETURN e.seq AS seq, e.entry AS entry, e.nodesUnchanged AS nodesUnchanged, e.edgesUnchanged AS edgesUnchanged
