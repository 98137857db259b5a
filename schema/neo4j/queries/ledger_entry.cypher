// One ledger entry's canonical bytes.
// @param seq INTEGER
MATCH (e:LedgerEntry {seq: $seq})
RETURN e.entry AS entry
