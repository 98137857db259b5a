// A page of nodes in id order, for full re-verification.
// @param after STRING
// @param limit INTEGER
MATCH (n:Node)
WHERE n.id > $after
RETURN n.id AS id, n.kind AS kind, n.key AS key, n.props AS props, n.seq AS seq
ORDER BY n.id
LIMIT $limit
