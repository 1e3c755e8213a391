// Remove every node and relationship (the schema stays). Used by `policygraph db clear` and the tests.
MATCH (n)
DETACH DELETE n;
