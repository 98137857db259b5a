// The ledger head: the one node every append locks and advances, so appends from any number of
// LineageHub servers serialise on it and the log never forks.
MERGE (h:LedgerHead {id: 'ledger'}) ON CREATE SET h.size = 0, h.time = '';
