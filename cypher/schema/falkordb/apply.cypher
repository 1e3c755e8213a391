// Schema for FalkorDB. A unique constraint needs an exact-match index on the same property first.
// FalkorDB has no Cypher syntax for constraints: the GRAPH.CONSTRAINT lines are the server commands themselves
// (paste them into redis-cli with the graph's name for {graph}). Re-applying is harmless: "already indexed" and
// "Constraint already exists" answers are expected and ignored.
CREATE INDEX FOR (n:Document) ON (n.key);
CREATE INDEX FOR (n:Task) ON (n.key);
CREATE INDEX FOR (n:Agency) ON (n.key);
CREATE INDEX FOR (n:Programme) ON (n.key);
CREATE INDEX FOR (n:Region) ON (n.code);
CREATE INDEX FOR (n:Target) ON (n.key);
CREATE INDEX FOR (n:Document) ON (n.doc_no);
CREATE INDEX FOR (n:Document) ON (n.year);
CREATE INDEX FOR (n:Document) ON (n.level);
CREATE INDEX FOR (n:Document) ON (n.region);
CREATE INDEX FOR (n:Agency) ON (n.name);
CREATE INDEX FOR (n:Programme) ON (n.name);
CREATE INDEX FOR (n:Region) ON (n.name);
// The pre-aggregated counts (graph/counts.py): found by key, by agency (refresh, the ranking's agencies), by
// function (the ranking by function) and by cell (the refresh of the cells a load touched).
CREATE INDEX FOR (n:LeadCount) ON (n.key);
CREATE INDEX FOR (n:LeadCount) ON (n.agency);
CREATE INDEX FOR (n:LeadCount) ON (n.function);
CREATE INDEX FOR (n:FunctionLeadCount) ON (n.key);
CREATE INDEX FOR (n:FunctionLeadCount) ON (n.function);
CREATE INDEX FOR (n:FunctionLeadCount) ON (n.cell);
// The rankings kept ready (graph/ranks.py), one row per filter, found by key.
CREATE INDEX FOR (n:Ranking) ON (n.key);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Document PROPERTIES 1 key;
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Task PROPERTIES 1 key;
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Agency PROPERTIES 1 key;
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Programme PROPERTIES 1 key;
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Region PROPERTIES 1 code;
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Target PROPERTIES 1 key;
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE LeadCount PROPERTIES 1 key;
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE FunctionLeadCount PROPERTIES 1 key;
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Ranking PROPERTIES 1 key;
// Full-text search over task titles and texts: `search_text` holds them as space-separated CJK bigrams and
// lower-cased ASCII runs (graph/search_text.py): no stemming, no stopwords, so every token is kept as it is.
// Re-applying answers "already indexed"; FalkorDB fills it in the background (apply_schema waits for it).
CALL db.idx.fulltext.createNodeIndex({label: 'Task', stopwords: []}, {field: 'search_text', nostem: true});
