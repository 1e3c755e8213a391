// How big the graph is: notices (full and stub), tasks, agencies, programmes and relationships.
MATCH (n)
WITH count(n) AS nodes,
     sum(CASE WHEN n:Document AND n.stub = false THEN 1 ELSE 0 END) AS documents,
     sum(CASE WHEN n:Document AND n.stub = true THEN 1 ELSE 0 END) AS stubs,
     sum(CASE WHEN n:Task THEN 1 ELSE 0 END) AS tasks,
     sum(CASE WHEN n:Agency THEN 1 ELSE 0 END) AS agencies,
     sum(CASE WHEN n:Programme THEN 1 ELSE 0 END) AS programmes
OPTIONAL MATCH ()-[r]->()
RETURN nodes, documents, stubs, tasks, agencies, programmes, count(r) AS edges;
