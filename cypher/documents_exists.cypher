// Is there a notice with this key (full or stub)? One row if so, none otherwise.
// Parameters: $key (a Document key).
MATCH (d:Document {key: $key})
RETURN d.key AS key, d.stub AS stub;
