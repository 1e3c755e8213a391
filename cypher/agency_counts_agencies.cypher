// Every agency's key and the function its counts add to (graph/counts.py rebuilds all the count rows in chunks of
// agencies and of functions, so that no statement of a full refresh runs long on a large graph). No parameters.
MATCH (a:Agency)
RETURN a.key AS key, coalesce(a.function, a.name) AS function
ORDER BY key;
