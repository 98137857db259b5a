// The newest signed tree head.
MATCH (h:TreeHead)
RETURN h.size AS size, h.root AS root, h.time AS time, h.signature AS signature, h.keyId AS keyId
ORDER BY h.size DESC
LIMIT 1
