// The agencies leading or cooperating on these tasks: whose pre-aggregated counts a correction of the tasks changes
// (graph/corrections.py; read before and after the correction, so the agencies it removes are counted again too).
// Parameters: $tasks (list of task keys).
UNWIND $tasks AS key
MATCH (:Task {key: key})<-[:LEADS|COOPERATES_ON]-(a:Agency)
RETURN DISTINCT a.key AS key;
