// Is the engine answering? Returns one row.
RETURN 1 AS ok;
