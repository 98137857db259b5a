// One breadth-first level of a traversal: the neighbours of a frontier of nodes, one step in the
// walk's direction. forward lists the kinds walked from source to target, backward those walked from
// target to source; the adapter keeps the visited set and the budgets between levels, so no query walks
// further than one edge.
// @param frontier LIST<STRING>
// @param forward LIST<STRING>
// @param backward LIST<STRING>
// @param size INTEGER
UNWIND range(0, size($frontier) - 1) AS position
MATCH (n:Node {id: $frontier[position]})-[e:EDGE]-(m:Node)
WHERE e.seq < $size
  AND ((startNode(e) = n AND e.kind IN $forward) OR (endNode(e) = n AND e.kind IN $backward))
RETURN position, e.kind AS kind, startNode(e).id AS source, endNode(e).id AS target, m.id AS neighbour
ORDER BY position, e.seq, e.ord
