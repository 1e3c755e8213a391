// Which of $keys are notices in the graph (loaded or stub): an IMPLEMENTS parent must be one.
UNWIND $keys AS key
MATCH (d:Document {key: key})
RETURN d.key AS key;
