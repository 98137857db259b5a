// Nodes by id, many in one round trip: what the planner and a DataLoader ask for.
// @param ids LIST<STRING>
UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN n.id AS id, n.props AS props, n.seq AS seq
