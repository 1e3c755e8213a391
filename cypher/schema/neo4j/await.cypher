// Wait (up to 60 s) until every index, including those behind constraints, is online.
CALL db.awaitIndexes(60);
