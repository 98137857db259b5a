// The edge projection of one entry; ord keeps the entry's order, so edges list as they were written.
// @param edges LIST<MAP>
// @param seq INTEGER
UNWIND $edges AS edge
MATCH (a:Node {id: edge.from})
WITH edge, a
MATCH (b:Node {id: edge.to})
CREATE (a)-[e:EDGE {id: edge.id, kind: edge.kind, props: edge.props, seq: $seq, ord: edge.ord}]->(b)
RETURN count(e) AS created
