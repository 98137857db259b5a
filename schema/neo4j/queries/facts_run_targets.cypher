// What runs already READ and WROTE: the planner derives DERIVED_FROM edges from them.
// @param runs LIST<STRING>
UNWIND $runs AS run
MATCH (:Node {id: run})-[e:EDGE]->(target:Node)
WHERE e.kind IN ['READ', 'WROTE']
RETURN run, e.kind AS kind, target.id AS target
