// The agencies leading or cooperating on the tasks of these notices: whose pre-aggregated counts a correction of
// the notices' level, region or year changes (graph/corrections.py).
// Parameters: $documents (list of notice keys).
UNWIND $documents AS key
MATCH (:Document {key: key})-[:HAS_TASK]->(:Task)<-[:LEADS|COOPERATES_ON]-(a:Agency)
RETURN DISTINCT a.key AS key;
