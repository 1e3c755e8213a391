// Apply corrections of tasks: replace the lead and/or cooperating agencies (edges with basis `corrected`, the
// correction's note and date), set the deadline, and list what was corrected on the task.
// Parameters: $tasks, maps built by graph/corrections.py (set_lead / set_cooperating / set_deadline say what changes).
UNWIND $tasks AS r
MATCH (t:Task {key: r.key})
OPTIONAL MATCH (t)<-[old:LEADS|COOPERATES_ON]-(:Agency)
WITH t, r, [e IN collect(old) WHERE (type(e) = 'LEADS' AND r.set_lead)
                                   OR (type(e) = 'COOPERATES_ON' AND r.set_cooperating)] AS stale
FOREACH (e IN stale | DELETE e)
FOREACH (a IN r.leads |
  MERGE (agency:Agency {key: a.key})
  ON CREATE SET agency.name = a.name, agency.jurisdiction = a.jurisdiction, agency.level = a.level,
                agency.kind = a.kind, agency.function = a.function
  CREATE (agency)-[:LEADS {basis: 'corrected', as_written: a.name, note: r.lead_note,
                           corrected_on: r.lead_on}]->(t))
FOREACH (a IN r.cooperating |
  MERGE (agency:Agency {key: a.key})
  ON CREATE SET agency.name = a.name, agency.jurisdiction = a.jurisdiction, agency.level = a.level,
                agency.kind = a.kind, agency.function = a.function
  CREATE (agency)-[:COOPERATES_ON {basis: 'corrected', as_written: a.name, note: r.cooperating_note,
                                   corrected_on: r.cooperating_on}]->(t))
FOREACH (x IN CASE WHEN r.set_deadline THEN [r.deadline] ELSE [] END |
  SET t.deadline_as_written = x.as_written, t.deadline_date = x.date, t.deadline_kind = x.kind)
SET t.corrected_fields = r.corrected_fields, t.correction_note = r.note, t.corrected_on = r.corrected_on
RETURN count(t) AS corrected;
