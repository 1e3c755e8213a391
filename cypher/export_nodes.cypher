// Every node with its label and properties (a canonical export: compare two graphs, or hand them to other tools).
MATCH (n)
RETURN labels(n)[0] AS label, properties(n) AS properties;
