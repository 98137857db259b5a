// A page of edges in id order with their endpoints, for full re-verification.
// @param after STRING
// @param limit INTEGER
MATCH (a:Node)-[e:EDGE]->(b:Node)
WHERE e.id > $after
RETURN e.id AS id, e.kind AS kind, a.id AS source, b.id AS target, e.props AS props, e.seq AS seq
ORDER BY e.id
LIMIT $limit
