// The edges arriving at many nodes in one round trip (a DataLoader's batch), in ledger order.
// @param ids LIST<STRING>
// @param kind STRING | NULL
UNWIND $ids AS id
MATCH (n:Node {id: id})<-[e:EDGE]-(other:Node)
WHERE $kind IS NULL OR e.kind = $kind
RETURN n.id AS id, e.kind AS kind, e.props AS props, e.seq AS seq, other.id AS other
ORDER BY e.seq, e.ord
