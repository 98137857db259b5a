// The node projection of one entry.
// @param nodes LIST<MAP>
// @param seq INTEGER
UNWIND $nodes AS node
CREATE (n:Node {id: node.id, kind: node.kind, key: node.key, props: node.props, seq: $seq})
RETURN count(n) AS created
