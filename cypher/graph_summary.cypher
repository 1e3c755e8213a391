// How big the graph is: notices (full and stub), tasks, agencies, programmes and relationships.
MATCH (n)
WITH count(n) AS nodes,
     count(CASE WHEN n:Document AND n.stub = false THEN 1 END) AS documents,
     count(CASE WHEN n:Document AND n.stub = true THEN 1 END) AS stubs,
     count(CASE WHEN n:Task THEN 1 END) AS tasks,
     count(CASE WHEN n:Agency THEN 1 END) AS agencies,
     count(CASE WHEN n:Programme THEN 1 END) AS programmes
OPTIONAL MATCH ()-[r]->()
RETURN nodes, documents, stubs, tasks, agencies, programmes, count(r) AS edges;
