// The Region code of each notice (null for a stub, which has no IN_REGION edge, or a region that resolved to none),
// for the programme and reach maps, which take their notices from the diffusion answers.
// Parameters: $keys (list of Document keys).
UNWIND $keys AS key
MATCH (d:Document {key: key})
OPTIONAL MATCH (d)-[:IN_REGION]->(r:Region)
RETURN d.key AS key, r.code AS code
ORDER BY key;
