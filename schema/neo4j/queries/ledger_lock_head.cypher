// First statement of every append: writing the head takes its write lock, so concurrent appends (from
// this server or another) wait here until the one holding it commits or rolls back.
// @param appendId STRING
MATCH (h:LedgerHead {id: 'ledger'})
SET h.lockedBy = $appendId
RETURN h.size AS size, h.time AS time
