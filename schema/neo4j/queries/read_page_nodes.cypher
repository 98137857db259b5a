// A page of nodes of one kind in key order (served by node_kind_key): within a key prefix, optionally
// only those whose name (the key after its first part, or the whole key) contains a text ignoring case,
// strictly between two keys, taken from the start of the range or, backward, from its end.
// @param kind STRING
// @param prefix STRING
// @param after STRING
// @param before STRING | NULL
// @param text STRING | NULL
// @param backward BOOLEAN
// @param limit INTEGER
MATCH (n:Node)
WHERE n.kind = $kind AND n.key STARTS WITH $prefix AND n.key > $after AND ($before IS NULL OR n.key < $before)
  AND ($text IS NULL OR toLower(CASE WHEN n.key CONTAINS '|' THEN substring(n.key, size(split(n.key, '|')[0]) + 1) ELSE n.key END) CONTAINS toLower($text))
RETURN n.id AS id, n.props AS props, n.seq AS seq
ORDER BY CASE WHEN $backward THEN n.key END DESC, CASE WHEN NOT $backward THEN n.key END
LIMIT $limit
