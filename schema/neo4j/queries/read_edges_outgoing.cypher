// The edges leaving a node, in ledger order, as of a ledger size.
// @param id STRING
// @param kind STRING | NULL
// @param size INTEGER
MATCH (:Node {id: $id})-[e:EDGE]->(other:Node)
WHERE ($kind IS NULL OR e.kind = $kind) AND e.seq < $size
RETURN e.kind AS kind, e.props AS props, e.seq AS seq, other.id AS other
ORDER BY e.seq, e.ord
