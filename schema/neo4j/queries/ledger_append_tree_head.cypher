// The signed tree head over the log including the new entry.
// @param size INTEGER
// @param root STRING
// @param time STRING
// @param signature STRING
// @param keyId STRING
CREATE (h:TreeHead {size: $size, root: $root, time: $time, signature: $signature, keyId: $keyId})
RETURN h.size AS size
