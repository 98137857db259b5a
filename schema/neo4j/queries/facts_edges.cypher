// Edges by id (the JSON array [kind, from, to]), many in one round trip.
// @param ids LIST<STRING>
UNWIND $ids AS id
MATCH ()-[e:EDGE {id: id}]->()
RETURN e.id AS id, e.props AS props
