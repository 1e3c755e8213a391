// Is there an agency with this key? One row if so, none otherwise.
// Parameters: $key (an Agency key: jurisdiction|canonical name).
MATCH (a:Agency {key: $key})
RETURN a.key AS key;
