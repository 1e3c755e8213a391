// The bulk path (graph/bulk.py) imports notices as their keys, then sets each one's final properties at once.
// Parameters: $docs (list of maps, each with the notice's key and its properties).
UNWIND $docs AS d
MATCH (n:Document {key: d.key})
SET n += d;
