// Schema for Neo4j 5.26: uniqueness on every natural key, indexes for the lookups the queries make.
// Idempotent (IF NOT EXISTS): applied at every start.
CREATE CONSTRAINT document_key IF NOT EXISTS FOR (n:Document) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT task_key IF NOT EXISTS FOR (n:Task) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT agency_key IF NOT EXISTS FOR (n:Agency) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT programme_key IF NOT EXISTS FOR (n:Programme) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT region_code IF NOT EXISTS FOR (n:Region) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT target_key IF NOT EXISTS FOR (n:Target) REQUIRE n.key IS UNIQUE;
CREATE INDEX document_doc_no IF NOT EXISTS FOR (n:Document) ON (n.doc_no);
CREATE INDEX document_year IF NOT EXISTS FOR (n:Document) ON (n.year);
CREATE INDEX document_level IF NOT EXISTS FOR (n:Document) ON (n.level);
CREATE INDEX document_region IF NOT EXISTS FOR (n:Document) ON (n.region);
CREATE INDEX agency_name IF NOT EXISTS FOR (n:Agency) ON (n.name);
CREATE INDEX programme_name IF NOT EXISTS FOR (n:Programme) ON (n.name);
CREATE INDEX region_name IF NOT EXISTS FOR (n:Region) ON (n.name);
// The pre-aggregated counts (graph/counts.py): unique by key, found by agency (refresh, the ranking's agencies), by
// function (the ranking by function) and by cell (the refresh of the cells a load touched).
CREATE CONSTRAINT lead_count_key IF NOT EXISTS FOR (n:LeadCount) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT function_lead_count_key IF NOT EXISTS FOR (n:FunctionLeadCount) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT ranking_key IF NOT EXISTS FOR (n:Ranking) REQUIRE n.key IS UNIQUE;
CREATE INDEX lead_count_agency IF NOT EXISTS FOR (n:LeadCount) ON (n.agency);
CREATE INDEX lead_count_function IF NOT EXISTS FOR (n:LeadCount) ON (n.function);
CREATE INDEX function_lead_count_function IF NOT EXISTS FOR (n:FunctionLeadCount) ON (n.function);
CREATE INDEX function_lead_count_cell IF NOT EXISTS FOR (n:FunctionLeadCount) ON (n.cell);
// Full-text search over task titles and texts: `search_text` holds them as space-separated CJK bigrams and
// lower-cased ASCII runs (graph/search_text.py), so the analyzer must only split on whitespace.
CREATE FULLTEXT INDEX task_search IF NOT EXISTS FOR (t:Task) ON EACH [t.search_text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
