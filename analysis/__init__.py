"""Analyses over the loaded graph: collaboration networks, diffusion of programmes, saved questions, exports and
citation hygiene. Each module reads rows through `cypher/` queries and computes in Python; none writes documents."""
