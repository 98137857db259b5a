// A page of nodes of one kind in key order, after a cursor, with a key prefix (served by node_kind_key).
// @param kind STRING
// @param prefix STRING
// @param after STRING
// @param limit INTEGER
MATCH (n:Node)
WHERE n.kind = $kind AND n.key STARTS WITH $prefix AND n.key > $after
RETURN n.id AS id, n.props AS props, n.seq AS seq
ORDER BY n.key
LIMIT $limit
