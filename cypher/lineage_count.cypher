// How many IMPLEMENTS edges the graph holds.
MATCH (:Document)-[r:IMPLEMENTS]->(:Document)
RETURN count(r) AS edges;
