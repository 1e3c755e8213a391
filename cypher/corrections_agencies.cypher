// The agencies already in the graph under each of $names (one name may exist in several jurisdictions), so that a
// corrected lead or cooperating unit joins the node the notices already use. Parameters: $names (list of names).
UNWIND $names AS name
MATCH (a:Agency {name: name})
RETURN name, a.key AS key, a.jurisdiction AS jurisdiction, a.level AS level, a.kind AS kind, a.function AS function;
