// A page of signed tree heads, in size order, for full re-verification.
// @param after INTEGER
// @param limit INTEGER
MATCH (h:TreeHead)
WHERE h.size > $after
RETURN h.size AS size, h.root AS root, h.time AS time, h.signature AS signature, h.keyId AS keyId
ORDER BY h.size
LIMIT $limit
